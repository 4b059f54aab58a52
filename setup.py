"""The one thing pyproject.toml cannot say: resources/ ships inside the package.

DESIGN.md keeps icons, translations and the stylesheet in resources/ at the top of the
repository; wheels (and the bundles built from an installed wheel, see installer/) carry
them as desktop/resources/, where desktop/resource_files.py looks first. Everything else
about the build is in pyproject.toml.
"""

from setuptools import find_namespace_packages, find_packages, setup

RESOURCE_PACKAGES = [
    "desktop.resources",
    *(
        f"desktop.resources.{name}"
        for name in find_namespace_packages(where="resources", exclude=["*__pycache__*"])
    ),
]

setup(
    packages=[*find_packages(include=["desktop*", "demo_portal*"]), *RESOURCE_PACKAGES],
    package_dir={"desktop.resources": "resources"},
)
