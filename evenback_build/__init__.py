"""The build of the Even Back site, as code you can import and test.

Never shipped: the planner's wheel holds ``planner`` only. The commands in ``scripts/`` run
these modules (``python -m evenback_build.<module>``); MkDocs loads ``hooks.py`` by path.

- ``pages``: exercise pages, the exercise index and the references page from the catalogue
- ``hooks``: MkDocs hooks (review dates, the planner's form description, the CSP, markup fixes)
- ``runtime``: the self-hosted Pyodide runtime assembled into the built site
- ``precompile`` (+ ``precompile_stdlib``, run inside Pyodide): the precompiled standard library
- ``serve``: the local server, like GitHub Pages (also under a sub-path)
- ``chromium``: Debian's Chromium as tests and benchmarks launch it
- ``bench``, ``bench_plan``, ``bench_startup``: the benchmarks and what they share
"""
