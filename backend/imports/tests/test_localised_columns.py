"""Column names in German, French, Spanish, Italian, Dutch and Portuguese, and WooCommerce's
localised exports: recognised without a mapping, ignoring letter case and accents."""

import pytest

from imports.models import ImportJob
from imports.pipeline.reading.header import suggest_mapping

from .conftest import catalogue

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        (["Artikelnummer", "Bezeichnung", "Beschreibung", "Aktiv"],
         ("Artikelnummer", "Bezeichnung", "Beschreibung", "Aktiv")),
        (["Artikel-Nr.", "Artikelname", "Preis"], ("Artikel-Nr.", "Artikelname", None, None)),
        (["Référence", "Désignation", "Description", "Actif"],
         ("Référence", "Désignation", "Description", "Actif")),
        (["Referencia", "Nombre", "Descripción", "Activo"],
         ("Referencia", "Nombre", "Descripción", "Activo")),
        (["Codice", "Nome", "Descrizione", "Attivo"], ("Codice", "Nome", "Descrizione", "Attivo")),
        (["Artikelnummer", "Naam", "Omschrijving", "Actief"],
         ("Artikelnummer", "Naam", "Omschrijving", "Actief")),
        (["Referência", "Nome", "Descrição", "Ativo"],
         ("Referência", "Nome", "Descrição", "Ativo")),
        # Letter case and accents do not matter.
        (["REFERENCE", "designation", "DESCRIPCION", "publie"],
         ("REFERENCE", "designation", "DESCRIPCION", "publie")),
        # WooCommerce's German, French and Spanish exports.
        (["ID", "Typ", "Artikelnummer", "Name", "Veröffentlicht", "Kurzbeschreibung",
          "Beschreibung"], ("Artikelnummer", "Name", "Beschreibung", "Veröffentlicht")),
        (["ID", "Type", "UGS", "Nom", "Publié", "Description courte", "Description"],
         ("UGS", "Nom", "Description", "Publié")),
        (["ID", "Tipo", "SKU", "Nombre", "Publicado", "Descripción corta", "Descripción"],
         ("SKU", "Nombre", "Descripción", "Publicado")),
    ],
)
def test_localised_column_names_are_recognised(names, expected):
    mapping, _ = suggest_mapping(names)
    assert tuple(mapping[f] for f in ("sku", "name", "description", "active")) == expected


def test_french_woocommerce_export_imports_without_a_mapping(run_import):
    data = ("ID,Type,UGS,Nom,Publié,Description courte,Description\n"
            "1,simple,FR-1,Écharpe,1,Chaude,Une écharpe en laine\n"
            "2,simple,FR-2,Bonnet,-1,Doux,Un bonnet brouillon\n").encode()
    job = run_import(data)
    assert job.status == ImportJob.Status.COMPLETED, job.error_message
    assert catalogue() == {"FR-1": ("Écharpe", "Une écharpe en laine", True),
                           "FR-2": ("Bonnet", "Un bonnet brouillon", False)}


def test_german_file_with_ja_nein_in_its_active_column(run_import):
    data = ("Artikelnummer;Bezeichnung;Beschreibung;Aktiv\n"
            "DE-1;Kaffeemühle;Größe 20 cm;ja\n"
            "DE-2;Teekanne;1,5 l;Nein\n").encode("cp1252")
    job = run_import(data)
    assert job.status == ImportJob.Status.COMPLETED, job.error_message
    assert (job.created_count, job.error_count) == (2, 0)
    assert catalogue() == {"DE-1": ("Kaffeemühle", "Größe 20 cm", True),
                           "DE-2": ("Teekanne", "1,5 l", False)}
