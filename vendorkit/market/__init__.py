"""The reference vendor on the open market (issue 15): ``vrm-vendor listen --relay URL``."""
