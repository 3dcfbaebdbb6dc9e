"""The frozen app's entry script: PyInstaller starts from a file, not from ``ui.app:main``.

Exactly what the ``vrm-wallet`` gui script runs (pyproject.toml's ``[project.gui-scripts]``).
"""

import sys

from ui.app import main

if __name__ == "__main__":
    sys.exit(main())
