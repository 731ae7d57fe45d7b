#!/usr/bin/env python3
"""Checks a Maven Central upload bundle as .ci/central-bundle.xml lays it out, for every published artifact.

Usage: check-central-bundle.py TREE [--signed]
TREE is a clone in which `mvn -P release verify` ran for lucia-jooq-codegen, lucia-jooq, lucia-jooq-testkit and
lucia-jooq-spring-boot-starter: their bundles are TREE/target/central-bundle and TREE/<module>/target/central-bundle. --signed (or CENTRAL_BUNDLE_SIGNED=true) also
requires an .asc signature of every file, checked with gpg.

It checks what the Central Portal requires of each component (pom, jar, -sources.jar, -javadoc.jar, each with .md5
and .sha1 that match, the pom's name, description, url, licenses, developers and scm, coordinates that match the
path), and what lucia-jooq promises besides: the CycloneDX SBOM in JSON and XML, LICENSE and NOTICE in the jar,
and a Javadoc that documents exactly the packages module-info exports. Prints one line per artifact; exits 1 with
every problem found.
"""
import hashlib
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile

GROUP = "io.github.luciajooq"
# artifactId -> (bundle directory inside TREE, module-info whose exports the Javadoc must document, or None)
ARTIFACTS = {
    "lucia-jooq": ("target/central-bundle", "src/main/java/module-info.java"),
    "lucia-jooq-codegen": ("codegen/target/central-bundle", None),
    "lucia-jooq-testkit": ("testkit/target/central-bundle", None),
    "lucia-jooq-spring-boot-starter": ("spring-boot-starter/target/central-bundle", None),
}
POM_NS = {"m": "http://maven.apache.org/POM/4.0.0"}


def check(tree, artifact, bundle, module_info, signed):
    problems = []
    root = os.path.join(tree, bundle)
    versions = sorted(os.listdir(os.path.join(root, *GROUP.split("."), artifact)))
    if len(versions) != 1:
        return ["%s: expected one version in the bundle, found %s" % (artifact, versions)]
    version = versions[0]
    directory = os.path.join(root, *GROUP.split("."), artifact, version)
    base = "%s-%s" % (artifact, version)
    required = [base + suffix for suffix in
                (".pom", ".jar", "-sources.jar", "-javadoc.jar", "-cyclonedx.json", "-cyclonedx.xml")]
    present = set(os.listdir(directory))
    for name in required:
        if name not in present:
            problems.append("%s: missing %s" % (artifact, name))
            continue
        path = os.path.join(directory, name)
        if os.path.getsize(path) == 0:
            problems.append("%s: %s is empty" % (artifact, name))
        data = open(path, "rb").read()
        for ext, algorithm in ((".md5", hashlib.md5), (".sha1", hashlib.sha1)):
            if name + ext not in present:
                problems.append("%s: missing %s%s" % (artifact, name, ext))
            elif open(path + ext).read().split()[0] != algorithm(data).hexdigest():
                problems.append("%s: %s%s does not match the file" % (artifact, name, ext))
        if signed:
            if name + ".asc" not in present:
                problems.append("%s: missing %s.asc" % (artifact, name))
            elif subprocess.run(["gpg", "--batch", "--verify", path + ".asc", path],
                                capture_output=True).returncode != 0:
                problems.append("%s: %s.asc does not verify" % (artifact, name))
    unexpected = present - {n + ext for n in required for ext in ("", ".md5", ".sha1", ".asc")}
    if unexpected:
        problems.append("%s: unexpected files %s" % (artifact, sorted(unexpected)))
    if problems:
        return problems

    pom = ET.parse(os.path.join(directory, base + ".pom")).getroot()
    text = lambda xpath: (pom.findtext(xpath, default="", namespaces=POM_NS) or "").strip()
    coordinates = (text("m:groupId"), text("m:artifactId"), text("m:version"))
    if coordinates != (GROUP, artifact, version):
        problems.append("%s: the pom's coordinates %s do not match the path" % (artifact, coordinates))
    for xpath in ("m:name", "m:description", "m:url", "m:licenses/m:license/m:name", "m:licenses/m:license/m:url",
                  "m:developers/m:developer/m:name", "m:scm/m:url", "m:scm/m:connection"):
        if not text(xpath):
            problems.append("%s: the pom has no %s" % (artifact, xpath.replace("m:", "")))

    with zipfile.ZipFile(os.path.join(directory, base + ".jar")) as jar:
        names = set(jar.namelist())
        for name in ("META-INF/LICENSE", "META-INF/NOTICE"):
            if name not in names:
                problems.append("%s: the jar has no %s" % (artifact, name))
    with zipfile.ZipFile(os.path.join(directory, base + "-sources.jar")) as sources:
        if not any(n.endswith(".java") for n in sources.namelist()):
            problems.append("%s: the sources jar has no .java file" % artifact)
    with zipfile.ZipFile(os.path.join(directory, base + "-javadoc.jar")) as javadoc:
        names = set(javadoc.namelist())
        if "index.html" not in names or "element-list" not in names:
            problems.append("%s: the Javadoc jar has no index.html or element-list" % artifact)
        elif module_info:
            documented = {line for line in javadoc.read("element-list").decode().split()
                          if not line.startswith("module:")}
            exported = set(re.findall(r"^\s*exports\s+([\w.]+)\s*;", open(os.path.join(tree, module_info)).read(),
                                      re.M))
            if documented != exported:
                problems.append("%s: the Javadoc documents %s, module-info exports %s"
                                % (artifact, sorted(documented), sorted(exported)))

    sbom = json.load(open(os.path.join(directory, base + "-cyclonedx.json")))
    component = sbom.get("metadata", {}).get("component", {})
    if sbom.get("bomFormat") != "CycloneDX" or (component.get("name"), component.get("version")) != (artifact, version):
        problems.append("%s: the SBOM is not CycloneDX's for %s %s" % (artifact, artifact, version))
    ET.parse(os.path.join(directory, base + "-cyclonedx.xml"))
    if not problems:
        print("central bundle %s:%s %s: %d files, all required present, checksums match%s"
              % (GROUP, artifact, version, len(present), ", signatures verify" if signed else " (unsigned)"))
    return problems


def main():
    args = sys.argv[1:]
    signed = "--signed" in args or os.environ.get("CENTRAL_BUNDLE_SIGNED") == "true"
    trees = [a for a in args if a != "--signed"]
    if len(trees) != 1:
        sys.exit(__doc__)
    problems = []
    for artifact, (bundle, module_info) in ARTIFACTS.items():
        try:
            problems += check(trees[0], artifact, bundle, module_info, signed)
        except (OSError, ET.ParseError, ValueError, zipfile.BadZipFile) as e:
            problems.append("%s: %s" % (artifact, e))
    for problem in problems:
        print("central bundle: " + problem, file=sys.stderr)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
