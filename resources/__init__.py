"""The app's data files (schemas, catalogues, letters, icons, translations).

This directory is installed as the package ``vrm_wallet_resources`` (see ``setup.py``), so that
:func:`wallet.resources.resources_dir` finds it through the package wherever it is installed.
"""
