"""Prints the fails-on-shadow hazard of a diff JSON plan as 'file:line:col: message', or nothing."""
import json
import sys

with open(sys.argv[1], encoding="utf-8") as plan_file:
    plan = json.load(plan_file)
for hazard in plan.get("hazards") or []:
    if hazard.get("kind") == "fails-on-shadow":
        print(f"{hazard.get('file')}:{hazard.get('line')}:{hazard.get('column')}: {hazard.get('message')}"[:240])
        break
