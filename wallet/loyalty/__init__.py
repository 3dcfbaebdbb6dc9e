"""Loyalty: the memberships a person holds and the loyalty proposals they write themselves."""
