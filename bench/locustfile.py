"""People for `bench/load.py`: signed-in readers over search, story pages, advice cards and a
dashboard; or the search page only (with or without the ranking cache: the server decides);
or the bare view only. The plan (sessions, ids, queries) comes from `load.py` as a JSON file
named in LOAD_PLAN; every request is named by its kind so the figures group by kind."""

import json
import os
import random
import secrets

from locust import FastHttpUser, constant, task

PLAN = json.loads(open(os.environ["LOAD_PLAN"], encoding="utf-8").read())  # noqa: SIM115


class Reader(FastHttpUser):
    wait_time = constant(0)  # as many requests as the server takes: a throughput test

    def on_start(self):
        self.rng = random.Random()
        self.session = self.rng.choice(PLAN["reader_sessions"])
        # A browser keeps the CSRF cookie it was given; without it, every page would make and
        # set a new one (Django accepts any well-formed secret it did not make itself).
        self.csrf_cookie = secrets.token_hex(16)

    def get(self, path, name, session=None):
        # The cookies as a header, and no redirects followed: a page that sends a signed-out
        # person to the login page counts as an error, not as a 200.
        cookies = f"sessionid={session or self.session}; csrftoken={self.csrf_cookie}"
        with self.client.get(
            path,
            name=name,
            headers={"Cookie": cookies},
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if response.status_code != 200:
                response.failure(f"status {response.status_code}")

    @task
    def work(self):
        if PLAN["mode"] == "bare":
            self.get("/health/", "bare view")
            return
        kind = "search"
        if PLAN["mode"] == "mix":
            kind = self.rng.choices(["search", "story", "advice", "dashboard"], [4, 3, 2, 1])[0]
        if kind == "search":
            query = self.rng.choice(PLAN["queries"])
            self.get(f"/zoeken/?q={query}", "search page")
        elif kind == "story":
            self.get(f"/verhalen/{self.rng.choice(PLAN['story_ids'])}/", "story page")
        elif kind == "advice":
            self.get(f"/wij-kennis/situatie/{self.rng.choice(PLAN['situations'])}/", "advice card")
        else:
            self.get(PLAN["dashboard"], "dashboard", self.rng.choice(PLAN["coordinator_sessions"]))
