"""Regions in words: "ES-MD" reads "Spain — Madrid" ("España — Madrid", "Spagna — Madrid").

An intention names the coarse region it wants delivery in by code: a country (ISO 3166-1
alpha-2, "ES") or one of its subdivisions (ISO 3166-2, "ES-MD"). People read the name, in their
language; the code stays in the tooltip or details for those who check. The catalogue holds the
countries and subdivisions the wallet's people are most likely to name (Spain's autonomous
communities, Italy's regions, a few neighbouring countries); any other code is shown as it is.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate


def _countries() -> dict[str, str]:
    return {
        "ES": translate("Region", "Spain"),
        "IT": translate("Region", "Italy"),
        "PT": translate("Region", "Portugal"),
        "FR": translate("Region", "France"),
        "DE": translate("Region", "Germany"),
        "AT": translate("Region", "Austria"),
        "CH": translate("Region", "Switzerland"),
        "BE": translate("Region", "Belgium"),
        "NL": translate("Region", "Netherlands"),
        "IE": translate("Region", "Ireland"),
        "GB": translate("Region", "United Kingdom"),
        "US": translate("Region", "United States"),
    }


def _subdivisions() -> dict[str, str]:
    return {
        "ES-AN": translate("Region", "Andalusia"),
        "ES-AR": translate("Region", "Aragon"),
        "ES-AS": translate("Region", "Asturias"),
        "ES-IB": translate("Region", "Balearic Islands"),
        "ES-PV": translate("Region", "Basque Country"),
        "ES-CN": translate("Region", "Canary Islands"),
        "ES-CB": translate("Region", "Cantabria"),
        "ES-CL": translate("Region", "Castile and León"),
        "ES-CM": translate("Region", "Castilla–La Mancha"),
        "ES-CT": translate("Region", "Catalonia"),
        "ES-CE": translate("Region", "Ceuta"),
        "ES-EX": translate("Region", "Extremadura"),
        "ES-GA": translate("Region", "Galicia"),
        "ES-RI": translate("Region", "La Rioja"),
        "ES-MD": translate("Region", "Madrid"),
        "ES-ML": translate("Region", "Melilla"),
        "ES-MC": translate("Region", "Murcia"),
        "ES-NC": translate("Region", "Navarre"),
        "ES-VC": translate("Region", "Valencian Community"),
        "IT-65": translate("Region", "Abruzzo"),
        "IT-77": translate("Region", "Basilicata"),
        "IT-78": translate("Region", "Calabria"),
        "IT-72": translate("Region", "Campania"),
        "IT-45": translate("Region", "Emilia-Romagna"),
        "IT-36": translate("Region", "Friuli-Venezia Giulia"),
        "IT-62": translate("Region", "Lazio"),
        "IT-42": translate("Region", "Liguria"),
        "IT-25": translate("Region", "Lombardy"),
        "IT-57": translate("Region", "Marche"),
        "IT-67": translate("Region", "Molise"),
        "IT-21": translate("Region", "Piedmont"),
        "IT-75": translate("Region", "Apulia"),
        "IT-88": translate("Region", "Sardinia"),
        "IT-82": translate("Region", "Sicily"),
        "IT-52": translate("Region", "Tuscany"),
        "IT-32": translate("Region", "Trentino-South Tyrol"),
        "IT-55": translate("Region", "Umbria"),
        "IT-23": translate("Region", "Aosta Valley"),
        "IT-34": translate("Region", "Veneto"),
    }


def region_name(code: str) -> str:
    """The region ``code`` in words, in the interface's language: "España — Madrid" for ES-MD,
    "Italia" for IT; a code the catalogue does not hold as it is (so nothing is invented)."""
    key = code.strip().upper()
    countries = _countries()
    if key in countries:
        return countries[key]
    name = _subdivisions().get(key)
    country = countries.get(key.partition("-")[0])
    if name is None or country is None:
        return code
    return (
        QCoreApplication.translate("Region", "%1 — %2").replace("%1", country).replace("%2", name)
    )
