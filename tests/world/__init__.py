"""The test worlds, in one place. Every world is made of the same parts (``base``: the
UN and the OIC, the un-oic framework between them, ``form_values`` for posting a page's
form); each module builds one scenario on them:

    personas   seven people in every role (alice ... eve), two frameworks, built once
               per module: the permission tests (``world``, ``world_once`` fixtures)
    scenario   admin, coordinator, focal, viewer and ``build(n)`` activities with the
               founding resolution: the page, browser and security tests
    reports    ``build_framework(activities=, action_items=)``: two bienniums, meetings,
               SDG targets, history on every row: the report tests and the benches
    platform   alice, bob and one activity as separate fixtures: the platform tests

The old modules (tests/personas.py, tests/web/scenario.py, tests/reports/factories.py,
tests/platform/conftest.py) re-export these names, so imports from them still work.
"""
