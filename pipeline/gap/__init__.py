"""Gap analysis: requirements of the policy, matching unit practice to them, coverage and figures."""
