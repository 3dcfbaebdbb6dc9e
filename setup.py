"""The wheel's packages: ``wallet``, ``vendorkit`` and ``ui``, plus the top-level ``resources/``
directory installed as the package ``vrm_wallet_resources`` (its files are package data, see
``[tool.setuptools.package-data]`` in pyproject.toml).

``pyproject.toml`` cannot both find packages and map one to another directory, hence this file.
"""

from setuptools import find_packages, setup

RESOURCES_PACKAGE = "vrm_wallet_resources"

setup(
    packages=[*find_packages(include=["wallet*", "vendorkit*", "ui*"]), RESOURCES_PACKAGE],
    package_dir={RESOURCES_PACKAGE: "resources"},
)
