"""``python -m ketch.kernels``: build every C++ extension now (what ``make setup`` runs)."""
from ketch.kernels import build_all

for what, ok in build_all().items():
    print(f"{what}: {'built' if ok else 'unavailable, using the torch fallback'}")
