"""Prints the p50 and p90 of each benchmark of a JMH sample-mode JSON result, in ns."""
import json
import sys

for run in json.load(open(sys.argv[1])):
    percentiles = run["primaryMetric"]["scorePercentiles"]
    name = run["benchmark"].rsplit(".", 1)[-1]
    print(f"| `{name}` | {percentiles['50.0']:.0f} | {percentiles['90.0']:.0f} | {run['primaryMetric']['score']:.0f} |")
