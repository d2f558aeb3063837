#!/usr/bin/env python3
"""Build data/catalog/{projects.json, organisations.json} and copy the municipality and province
tables from the research data in /work/shared/data (or the directory given as first argument).

Re-runnable: `python3 data/catalog/tools/build_catalog.py [SOURCE_DIR]`. The output is deterministic.
Nothing is invented: every project and organisation comes from the source files; derived fields
(kind from name rules, provinces from projects) say how they were derived.
Validate the result with `welfare catalog-validate`.
"""
import csv
import json
import os
import re
import shutil
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
from curation import COLLECTIVE, ORG_FIXES, PROJECTS, SAME_AS, UPDATES  # noqa: E402

SRC = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/data"


def fold(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return s.lower()


LEGAL = {"onlus", "ets", "odv", "aps", "soc", "sociale", "societa", "cooperativa", "coop", "scs", "srl", "spa", "ente", "filantropico"}


def norm(name):
    """Dedup key: folded, without parentheses, punctuation and legal-form words.
    Must stay in sync with `catalog::normalise_name` in crates/core/src/catalog.rs."""
    s = fold(name)
    s = re.sub(r"\([^)]*\)", " ", s)
    s = re.sub(r"[^a-z0-9]+", " ", s.replace(".", ""))
    return " ".join(t for t in s.split() if t not in LEGAL)


def slug(s):
    s = re.sub(r"\([^)]*\)", " ", fold(s))
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s[:60].strip("-")


def has(name, *words):
    f = " " + re.sub(r"[^a-z0-9]+", " ", fold(name).replace(".", "")) + " "
    return any((" " + w + " ") in f for w in words)


def kind_for(name, source_kind):
    """(MemberKind id, confidence) from the source kind plus name rules."""
    f = fold(name)
    if source_kind == "university":
        return "university", "stated"
    if source_kind == "trade_association":
        return "trade_association", "stated"
    if source_kind == "business":
        return "company", "stated"
    if has(name, "ats", "asst", "asl"):
        return "health_agency", "derived"
    if source_kind == "public":
        if f.startswith("comune di"):
            return "comune", "derived"
        if "ufficio di piano" in f or f.startswith("ambito"):
            return "ufficio_di_piano", "derived"
        if has(name, "consorzio", "azienda", "asc", "ascsp", "sercop", "codebri"):
            return "municipal_consortium", "derived"
        if has(name, "ics", "liceo", "istituto", "scuola"):
            return "school", "derived"
        if has(name, "provincia", "regione", "camera", "citta metropolitana", "comunita montana", "afol", "centro per l impiego"):
            return "other_public", "derived"
        return "other_public", "inferred"
    # third sector, foundation, other, unknown
    if "fondazione" in f and ("comunit" in f or "pro valtellina" in f):
        return "community_foundation", "derived"
    if "fondazione" in f:
        return "foundation", "derived"
    if source_kind in ("third_sector", "other", "unknown"):
        if has(name, "consorzio") or has(name, "solco") or f.startswith("sol co"):
            return "cooperative_consortium", "derived"
        if has(name, "coop", "cooperativa") or "cooperativa" in f:
            return "social_cooperative", "derived"
        if has(name, "associazione", "ass", "aps", "odv", "acli", "arci", "auser", "anteas", "csv", "csvm", "cisvol", "cesvov", "avc csv") or "centro di servizio per il volontariato" in f:
            return "association", "derived"
        if f.startswith("gruppo di"):
            return "informal_group", "derived"
        if source_kind == "third_sector":
            return "other_third_sector", "derived"
    return "other_third_sector", "inferred"


CSV_KINDS = {
    "community_foundation": "community_foundation",
    "health_agency": "health_agency",
    "ambito": "ufficio_di_piano",
    "consortium": "municipal_consortium",
    "csv": "association",
}


def main():
    projects_src = json.load(open(os.path.join(SRC, "funded-projects.json"), encoding="utf-8"))
    comuni = list(csv.DictReader(open(os.path.join(SRC, "comuni-territorio.csv"), encoding="utf-8")))
    comuni_by_name = {}
    for c in comuni:
        comuni_by_name.setdefault(fold(c["name"]), []).append(c)

    orgs = {}  # norm key -> org dict
    order = []

    def org_for(key):
        if key not in orgs:
            orgs[key] = None
            order.append(key)
        return orgs[key]

    # 1. The public directory (its kinds, sources and verified flags win).
    public_rows = list(csv.DictReader(open(os.path.join(SRC, "organisations-public.csv"), encoding="utf-8")))
    for row in public_rows:
        key = norm(row["name"])
        verified = row["verified"].strip()
        org = {
            "name": row["name"].strip(),
            "kind": CSV_KINDS[row["kind"]],
            "kind_confidence": "stated",
            "source_kind": row["kind"],
            "provinces": [p.strip() for p in row["provinces"].split(";") if p.strip()],
            "provinces_from": "source",
            "projects": [],
            "sources": [u.strip() for u in row["source_url"].split(" ; ") if u.strip()],
            "verified": verified.lower().startswith("yes"),
            "verified_note": verified,
            "origin": "public_directory",
        }
        if row["lead_municipality"].strip():
            org["lead_municipality"] = row["lead_municipality"].strip()
        if row["website"].strip():
            org["website"] = row["website"].strip()
        org_for(key)
        orgs[key] = org

    # 2. The funded projects and their partners.
    projects = []
    same_as = {k: norm(v) for k, v in SAME_AS.items()}
    def add_partner(p, pid, sources, partners, name, source_kind, key, first_source=None):
        """Adds the partner `name` to the project's list and the project to its directory entry."""
        entry = {"name": name, "source_kind": source_kind}
        if name in COLLECTIVE:
            entry["collective"] = True
            partners.append(entry)
            return
        org = orgs.get(key)
        if org is not None and key in [e.get("org") for e in partners]:
            # Another spelling, in a later source, of a partner the project already lists.
            if name != org["name"] and name not in org.get("aliases", []):
                org.setdefault("aliases", []).append(name)
            return
        if org is None:
            kind, conf = kind_for(name, source_kind)
            org = {
                "name": name,
                "kind": kind,
                "kind_confidence": conf,
                "source_kind": source_kind,
                "provinces": [],
                "provinces_from": "projects",
                "projects": [],
                "sources": [first_source] if first_source else [],
                "verified": bool(p["verified"]),
                "origin": "funded_projects",
            }
            if kind == "comune":
                m = re.match(r"comune di (.+?)(?:\s*[-(].*)?$", fold(name))
                cands = comuni_by_name.get(m.group(1).strip(), []) if m else []
                cands = [c for c in cands if c["province"] in p["provinces"]] or cands
                if len(cands) == 1:
                    org["istat"] = cands[0]["istat_code"]
            org_for(key)
            orgs[key] = org
        elif name != org["name"]:
            org.setdefault("aliases", [])
            if name not in org["aliases"]:
                org["aliases"].append(name)
            # Another spelling may say more (e.g. "Novo Millennio" / "... cooperativa sociale").
            if org["origin"] == "funded_projects" and org["kind"] == "other_third_sector":
                kind, conf = kind_for(name, source_kind)
                if kind != "other_third_sector":
                    org["kind"], org["kind_confidence"] = kind, conf
        if pid not in org["projects"]:
            org["projects"].append(pid)
        if org["provinces_from"] == "projects":
            for prov in p["provinces"]:
                if prov not in org["provinces"]:
                    org["provinces"].append(prov)
        for u in sources:
            if u not in org["sources"]:
                org["sources"].append(u)
        partners.append(entry)
        entry["org"] = key  # replaced by the id below

    for i, p in enumerate(projects_src):
        cur = PROJECTS[i]
        if not p["name"].startswith(cur["name"]):
            sys.exit(f"curation.py: project {i} is {p['name']!r}, expected {cur['name']!r}")
        upd = UPDATES.get(i, {})
        if upd and not p["name"].startswith(upd["name"]):
            sys.exit(f"curation.py: UPDATES[{i}] is for {upd['name']!r}, but project {i} is {p['name']!r}")
        pid = cur["id"]
        sources = []
        for u in [p.get("url")] + list(p.get("source_urls") or []) + upd.get("sources", []):
            if u and u not in sources:
                sources.append(u)
        lead = p["lead_partner"]
        if lead:
            lead = re.sub(r"\s*\[[^\]]*\]\s*$", "", lead).strip()
        partners = []
        for part in p["partners"]:
            name = part["name"].strip()
            add_partner(p, pid, sources, partners, name, part["kind"], same_as.get(name, norm(name)))
        unconfirmed = dict(cur["unconfirmed"])
        unconfirmed.update(upd.get("unconfirmed", {}))
        cost = upd.get("cost", p["budget_eur"])
        grant = upd.get("grant", p["contribution_eur"])
        for field, val in (("lead", lead), ("cost", cost), ("grant", grant)):
            if val is None and field not in unconfirmed:
                unconfirmed[field] = "Not found in the sources."
        projects.append({
            "id": pid,
            "name": p["name"],
            "edition_year": p["edition_year"],
            "provinces": p["provinces"],
            "places": p["places"] + [x for x in upd.get("places", []) if x not in p["places"]],
            "lead": lead,
            "partners": partners,
            "needs": cur["needs"],
            "needs_source": p["needs"],
            "beneficiaries_source": p["beneficiaries"],
            "cost": cost,
            "grant": grant,
            "summary": {"it": cur["it"], "en": cur["en"]},
            "description": p["description"] + (" " + upd["note"] if "note" in upd else ""),
            "sources": sources,
            "verified": bool(p["verified"]),
            "unconfirmed": unconfirmed,
        })

    # Partners named by later sources (curation.UPDATES), after every project's own: the entries and
    # ids the research data gave stay where they were; a new organisation's first source is the
    # later source that names it.
    for i, upd in sorted(UPDATES.items()):
        pr, p = projects[i], projects_src[i]
        for name, source_kind, url, same in upd.get("partners", []):
            if url not in pr["sources"]:
                sys.exit(f"curation.py: UPDATES[{i}] partner {name!r}: its source is not among the project's")
            key = norm(same) if same else same_as.get(name, norm(name))
            if same and key not in orgs:
                sys.exit(f"curation.py: UPDATES[{i}]: {same!r} is not in the directory")
            add_partner(p, pr["id"], pr["sources"], pr["partners"], name, source_kind, key, first_source=url)

    # Kinds a later source states (curation.ORG_FIXES), with the override's reason and source.
    for name, fix in ORG_FIXES.items():
        org = orgs.get(norm(name))
        if org is None:
            sys.exit(f"curation.py: ORG_FIXES names {name!r}, which is not in the directory")
        org["kind"], org["kind_confidence"], org["source_kind"] = fix["kind"], "stated", fix["source_kind"]
        org["verified_note"] = fix["note"]

    # Ids: slugs, unique, in a stable order (public directory first, then by first appearance).
    ids = {}
    used = set()
    for key in order:
        base = slug(orgs[key]["name"]) or "org"
        cand, n = base, 2
        while cand in used:
            cand, n = f"{base}-{n}", n + 1
        used.add(cand)
        ids[key] = cand
    out_orgs = []
    for key in order:
        o = orgs[key]
        o = {"id": ids[key], **o}
        out_orgs.append(o)
    for pr in projects:
        for part in pr["partners"]:
            if "org" in part:
                part["org"] = ids[part["org"]]

    with open(os.path.join(OUT, "projects.json"), "w", encoding="utf-8") as f:
        json.dump(projects, f, ensure_ascii=False, indent=1)
        f.write("\n")
    with open(os.path.join(OUT, "organisations.json"), "w", encoding="utf-8") as f:
        json.dump(out_orgs, f, ensure_ascii=False, indent=1)
        f.write("\n")
    for name in ("comuni-territorio.csv", "province-italia.csv"):
        shutil.copyfile(os.path.join(SRC, name), os.path.join(OUT, name))
    kinds = {}
    for o in out_orgs:
        kinds[o["kind"]] = kinds.get(o["kind"], 0) + 1
    print(f"{len(projects)} projects, {len(out_orgs)} organisations "
          f"({sum(1 for o in out_orgs if o['origin'] == 'funded_projects')} from projects, "
          f"{len(public_rows)} public rows), {len(comuni)} municipalities")
    print("kinds:", dict(sorted(kinds.items())))
    print("inferred kinds:", [o["name"] for o in out_orgs if o["kind_confidence"] == "inferred"])


if __name__ == "__main__":
    main()
