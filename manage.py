#!/usr/bin/env python
from wijkennis.cli import main

if __name__ == "__main__":
    main()
