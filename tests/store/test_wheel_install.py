"""`pip install .` gives a working cjcoach with every prompt, template and demo inside."""

from __future__ import annotations

import site
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from .conftest import REPO, run_cjcoach


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps",
                    "--no-build-isolation", "-w", str(out), str(REPO)],
                   check=True, timeout=300)
    (built,) = out.glob("cjcoach-*.whl")
    return built


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new virtual environment with the wheel installed; returns its bin folder.

    The dependencies are taken from this test run's environment (a .pth file), so the
    test needs no network; cjcoach itself comes only from the wheel.
    """
    venv = tmp_path_factory.mktemp("venv")
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120)
    python = venv / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--no-deps", "--no-index",
                    str(wheel)], check=True, timeout=300)
    purelib = subprocess.run([str(python), "-c", "import sysconfig; "
                              "print(sysconfig.get_paths()['purelib'])"],
                             capture_output=True, text=True, check=True).stdout.strip()
    deps = [p for p in site.getsitepackages() if "site-packages" in p]
    Path(purelib, "zz_test_deps.pth").write_text("\n".join(deps) + "\n")
    return venv / "bin"


def test_wheel_ships_prompts_templates_and_demos(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    repo_prompts = sorted(p.relative_to(REPO / "prompts").as_posix()
                          for p in (REPO / "prompts").rglob("*.yaml"))
    repo_templates = sorted(p.relative_to(REPO / "templates").as_posix()
                            for p in (REPO / "templates").rglob("*") if p.is_file())
    assert repo_prompts, "the repository has question sets"
    for rel in repo_prompts:
        assert f"cjcoach/_data/prompts/{rel}" in names
    for rel in repo_templates:
        assert f"cjcoach/_data/templates/{rel}" in names
    assert "cjcoach/demos/nl.yaml" in names and "cjcoach/demos/en.yaml" in names


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_installed_cjcoach_saves_and_checks_demo(installed: Path, tmp_path: Path,
                                                 lang: str) -> None:
    exe = [str(installed / "cjcoach")]
    target = tmp_path / f"demo-{lang}.yaml"
    saved = run_cjcoach("demo", "--save", str(target), "--lang", lang, cwd=tmp_path, exe=exe)
    assert saved.returncode == 0, saved.stderr
    checked = run_cjcoach("check", str(target), cwd=tmp_path, exe=exe)
    assert checked.returncode == 0, checked.stderr
    assert f"language: {lang}" in target.read_text()
    where = subprocess.run([str(installed / "python"), "-c",
                            "import cjcoach.resources as r; print(r.prompts_dir())"],
                           capture_output=True, text=True, cwd=tmp_path, check=True)
    assert "_data" in where.stdout, "prompts come from inside the installed package"
    version = run_cjcoach("--version", cwd=tmp_path, exe=exe)
    assert version.stdout.startswith("cjcoach ")
