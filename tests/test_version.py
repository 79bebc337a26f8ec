"""plankg's version read from its metadata folder is the one importlib.metadata gives."""

from __future__ import annotations

import subprocess
import sys
from importlib import metadata

from plankg.version import _dist_info_version, _version_field, installed_version


def test_the_installed_version_is_importlib_metadata_s():
    assert installed_version() == metadata.version("plankg")
    assert _dist_info_version() in (None, metadata.version("plankg"))


def test_reading_it_imports_no_importlib_metadata():
    code = "import sys; from plankg.version import installed_version; installed_version(); "
    code += "print('importlib.metadata' in sys.modules, 'email.parser' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False", "False"] or _dist_info_version() is None


def test_the_version_field_is_read_from_the_headers_only(tmp_path):
    path = tmp_path / "METADATA"
    path.write_text("Metadata-Version: 2.1\nName: plankg\nVersion: 1.2.3\n\nVersion: 9\n")
    assert _version_field(str(path)) == "1.2.3"
    path.write_text("Name: plankg\n\nVersion: 9\n")
    assert _version_field(str(path)) is None
    assert _version_field(str(tmp_path / "missing")) is None
