#!/usr/bin/env python3
"""Smoke test and latency check for a running local LanguageTool server.

    url=$(scripts/languagetool-server start)
    python3 scripts/languagetool/smoke.py --url "$url" --runs 20
    scripts/languagetool-server stop

Goes through language_tool_python (pip install language-tool-python) exactly
as newslint does: LanguageTool('en-US', remote_server=URL). Exits 1 if the
server finds nothing wrong in "This are a test." or cannot be reached.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time

# A ~300-word English news passage with a few planted mistakes.
ARTICLE = """\
The state government announced on Tuesday that it will spend 1,200 crore rupees
on new irrigation canals in the drought-hit districts of the region over the
next three years. Officials said the project, which was first proposed in 2019,
had been delayed by disputes over land acquisition and by the pandemic.

Speaking to reporters in the capital, the irrigation minister said the canals
would bring water to more than 40,000 hectares of farmland and benefit roughly
two lakh farming families. "This are the most important investment our
department has made in a decade," she said. "Farmers has waited long enough."

Work on the first phase will begin in January, when contractors will start
digging a 60-kilometre main channel from the reservoir to the eastern plains.
The second phase, which include smaller distribution channels and check dams,
is expected to start in 2026. The government has also promised to compensate
villagers whose land is acquired at four times the market rate, a figure that
farmer unions described as fair but late.

Opposition leaders welcomed the announcement but questioned the timing, noting
that it comes only months before the assembly elections. One legislator said
that similar promises had been made before and that several older canals in
the area was still incomplete. He demanded that the government publish a
detailed timetable and hold public hearings in every affected village.

Environmental groups have raised concerns about the effect of the project on a
wetland that lies along the proposed route and is home to migratory birds.
Their representatives said they would ask the state pollution control board to
review the plan before construction starts. The minister said an environmental
assessment had already been carried out and that the route could be adjusted
if necessary. She added that the department will set up a helpline so that
farmers can report problems during construction, and that progress reports
will be posted online every month.
"""


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--url",
        default=os.environ.get(
            "NEWSLINT_LT_URL",
            f"http://127.0.0.1:{os.environ.get('NEWSLINT_LT_PORT', '8081')}",
        ),
        help="base URL printed by `scripts/languagetool-server start`",
    )
    ap.add_argument("--runs", type=int, default=20)
    args = ap.parse_args()

    import language_tool_python
    from language_tool_python.exceptions import LanguageToolError

    try:
        t0 = time.perf_counter()
        tool = language_tool_python.LanguageTool("en-US", remote_server=args.url)
        print(f"connected to {tool.url} in {time.perf_counter() - t0:.3f}s")
        t0 = time.perf_counter()
        matches = tool.check("This are a test.")
        print(f"first check: {len(matches)} match(es) in {time.perf_counter() - t0:.3f}s:",
              ", ".join(m.rule_id for m in matches))
        if not matches:
            print("FAIL: no match for 'This are a test.'", file=sys.stderr)
            return 1
        words = len(ARTICLE.split())
        times = []
        for _ in range(args.runs):
            t0 = time.perf_counter()
            found = tool.check(ARTICLE)
            times.append(time.perf_counter() - t0)
        print(f"{args.runs} checks of a {words}-word article, {len(found)} matches each "
              f"({', '.join(sorted({m.rule_id for m in found}))})")
        print(f"latency per article: median {statistics.median(times) * 1000:.0f} ms, "
              f"min {min(times) * 1000:.0f} ms, max {max(times) * 1000:.0f} ms")
    except LanguageToolError as e:
        print(f"FAIL: {type(e).__name__}: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
