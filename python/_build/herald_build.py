"""A PEP 517 build backend for herald-webhooks, standard library only.

pip builds in an isolated environment and would download setuptools or another backend from
PyPI for it; this one is in the source tree (``backend-path``) and needs nothing, so installing
works offline and on machines that cannot reach PyPI. It builds a pure-Python wheel of the
``herald_webhooks`` package, an editable wheel (PEP 660) and an sdist.
"""
import base64
import hashlib
import io
import os
import re
import tarfile
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PACKAGE = "herald_webhooks"
TAG = "py3-none-any"


def _project():
    with open(os.path.join(ROOT, "pyproject.toml"), "rb") as f:
        raw = f.read()
    try:
        import tomllib
    except ImportError:  # Python < 3.11: read the [project] strings this backend needs.
        section = raw.decode("utf-8").split("[project]", 1)[1].split("\n[", 1)[0]
        found = dict(re.findall(r'^(\w[\w-]*)\s*=\s*"([^"]*)"', section, re.M))
        found["optional-dependencies"] = {"crypto": re.findall(r'crypto\s*=\s*\["([^"]+)"\]', raw.decode("utf-8"))}
        return found
    return tomllib.loads(raw.decode("utf-8"))["project"]


def _metadata():
    p = _project()
    lines = [
        "Metadata-Version: 2.1",
        f"Name: {p['name']}",
        f"Version: {p['version']}",
        f"Summary: {p['description']}",
        f"License: {p['license']}",
        f"Requires-Python: {p['requires-python']}",
    ]
    for classifier in p.get("classifiers", []):
        lines.append(f"Classifier: {classifier}")
    for extra, requirements in p.get("optional-dependencies", {}).items():
        lines.append(f"Provides-Extra: {extra}")
        lines.extend(f'Requires-Dist: {r}; extra == "{extra}"' for r in requirements)
    with open(os.path.join(ROOT, p.get("readme", "README.md")), encoding="utf-8") as f:
        readme = f.read()
    lines.append("Description-Content-Type: text/markdown")
    return p, "\n".join(lines) + "\n\n" + readme


def _license():
    # In the repository the licence is at its root; in an sdist, beside pyproject.toml.
    for path in (os.path.join(ROOT, "LICENSE"), os.path.join(ROOT, "..", "LICENSE")):
        if os.path.exists(path):
            with open(path, "rb") as f:
                return f.read()
    raise FileNotFoundError("LICENSE")


def _dist_name(p):
    return f"{p['name'].replace('-', '_')}-{p['version']}"


def _package_files():
    base = os.path.join(ROOT, PACKAGE)
    for name in sorted(os.listdir(base)):
        if name.endswith(".py") or name == "py.typed":
            yield f"{PACKAGE}/{name}", os.path.join(base, name)


def _write_wheel(wheel_directory, contents):
    p, metadata = _metadata()
    dist_info = f"{_dist_name(p)}.dist-info"
    files = dict(contents)
    files[f"{dist_info}/METADATA"] = metadata.encode("utf-8")
    files[f"{dist_info}/WHEEL"] = f"Wheel-Version: 1.0\nGenerator: herald_build\nRoot-Is-Purelib: true\nTag: {TAG}\n".encode()
    files[f"{dist_info}/LICENSE"] = _license()
    record = []
    for path, data in files.items():
        digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
        record.append(f"{path},sha256={digest},{len(data)}")
    record.append(f"{dist_info}/RECORD,,")
    files[f"{dist_info}/RECORD"] = ("\n".join(record) + "\n").encode()
    name = f"{_dist_name(p)}-{TAG}.whl"
    with zipfile.ZipFile(os.path.join(wheel_directory, name), "w", zipfile.ZIP_DEFLATED) as whl:
        for path, data in files.items():
            info = zipfile.ZipInfo(path, date_time=(2026, 1, 1, 0, 0, 0))
            info.external_attr = 0o644 << 16
            whl.writestr(info, data, zipfile.ZIP_DEFLATED)
    return name


def get_requires_for_build_wheel(config_settings=None):
    return []


def get_requires_for_build_editable(config_settings=None):
    return []


def get_requires_for_build_sdist(config_settings=None):
    return []


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    contents = {}
    for path, source in _package_files():
        with open(source, "rb") as f:
            contents[path] = f.read()
    return _write_wheel(wheel_directory, contents)


def build_editable(wheel_directory, config_settings=None, metadata_directory=None):
    # PEP 660: a .pth file putting the source directory on sys.path.
    return _write_wheel(wheel_directory, {f"_{PACKAGE}_editable.pth": (ROOT + "\n").encode()})


def build_sdist(sdist_directory, config_settings=None):
    p, metadata = _metadata()
    base = _dist_name(p)
    name = f"{base}.tar.gz"
    sources = [("pyproject.toml", os.path.join(ROOT, "pyproject.toml")), ("README.md", os.path.join(ROOT, "README.md"))]
    sources += [(f"_build/{os.path.basename(__file__)}", os.path.abspath(__file__))]
    sources += list(_package_files())
    sources += [(f"tests/{n}", os.path.join(ROOT, "tests", n)) for n in sorted(os.listdir(os.path.join(ROOT, "tests"))) if n.endswith(".py")]
    with tarfile.open(os.path.join(sdist_directory, name), "w:gz", format=tarfile.PAX_FORMAT) as tar:
        for arcname, source in sources:
            tar.add(source, arcname=f"{base}/{arcname}")
        for arcname, data in (("PKG-INFO", metadata.encode("utf-8")), ("LICENSE", _license())):
            info = tarfile.TarInfo(f"{base}/{arcname}")
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return name
