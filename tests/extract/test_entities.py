from collections.abc import Callable
from pathlib import Path

from crossread.extract import link_entities
from crossread.extract.entities import entity_id, find_mentions
from crossread.extract.sentences import split_sentences
from crossread.models import Article, Entity


def mentions_of(text: str) -> dict[str, tuple[str, str, bool, str | None]]:
    found = find_mentions(text, split_sentences(text))
    return {m.text: (m.kind, m.key, m.nominal, m.refers_to) for m in found}


def entity_with(entities: tuple[Entity, ...], surface: str) -> Entity:
    hits = [e for e in entities if surface in {m.text for m in e.mentions}]
    assert len(hits) == 1, f"{surface!r} is in {len(hits)} entities"
    return hits[0]


# --- the seeds ---------------------------------------------------------------------------


def test_seeds_one_entity_for_kim_jong_un(seed_articles: tuple[Article, Article]) -> None:
    entities = link_entities(seed_articles)
    kim = entity_with(entities, "Kim Jong-un")
    surfaces = {m.text for m in kim.mentions}
    assert {"Kim Jong Un", "Kim Jong-un", "Kim"} <= surfaces
    assert kim.kind == "PERSON"
    assert {m.article for m in kim.mentions} == {a.id for a in seed_articles}


def test_seeds_different_kims_stay_apart(seed_articles: tuple[Article, Article]) -> None:
    entities = link_entities(seed_articles)
    kim = entity_with(entities, "Kim Jong-un")
    for other in ("Kim Son Gyong", "Kim Il-sung", "Kim Jong-il"):
        assert entity_with(entities, other).id != kim.id


def test_seeds_putin_and_the_russian_president(seed_articles: tuple[Article, Article]) -> None:
    entities = link_entities(seed_articles)
    putin = entity_with(entities, "Vladimir Putin")
    surfaces = {m.text for m in putin.mentions}
    assert {"Putin", "Vladimir Putin", "the Russian president"} <= surfaces
    assert putin.name == "Vladimir Putin"


def test_seeds_kcna_variants(seed_articles: tuple[Article, Article]) -> None:
    entities = link_entities(seed_articles)
    kcna = entity_with(entities, "KCNA")
    assert "Korean Central News Agency" in {m.text for m in kcna.mentions}
    assert kcna.kind == "ORG"


def test_seeds_guterres_and_the_un_secretary_general(
    seed_articles: tuple[Article, Article],
) -> None:
    entities = link_entities(seed_articles)
    guterres = entity_with(entities, "Antonio Guterres")
    surfaces = {m.text for m in guterres.mentions}
    assert any("secretary general" in s for s in surfaces)
    assert "the UN boss" in surfaces


def test_seeds_metonyms_stay_places_linked_to_their_country(
    seed_articles: tuple[Article, Article],
) -> None:
    other, _ = seed_articles
    by_text = {m.text: m for m in other.mentions}
    assert by_text["Pyongyang"].kind == "PLACE"
    said = [m for m in other.mentions if m.text == "Pyongyang" and m.refers_to == "north korea"]
    assert said, "Pyongyang as a government should refer to North Korea"
    entities = link_entities(seed_articles)
    assert entity_with(entities, "Pyongyang").id != entity_with(entities, "North Korea").id


def test_seeds_entity_ids_are_stable(seed_articles: tuple[Article, Article]) -> None:
    first = {e.name: e.id for e in link_entities(seed_articles)}
    second = {e.name: e.id for e in link_entities(tuple(reversed(seed_articles)))}
    assert first["Vladimir Putin"] == second["Vladimir Putin"]
    assert first["Vladimir Putin"] == entity_id("PERSON", "vladimir putin")


# --- our fixtures ------------------------------------------------------------------------


def test_keys_fold_hyphens_case_and_accents() -> None:
    found = mentions_of("Kim Jong-un met Luiz Inácio Lula da Silva in the U.S. capital.")
    assert found["Kim Jong-un"][1] == "kim jong un"
    assert found["Luiz Inácio Lula da Silva"][1] == "luiz inacio lula da silva"
    assert found["U.S."][:2] == ("PLACE", "united states")


def test_titles_split_off_and_refer_to_the_name() -> None:
    found = mentions_of(
        "NASA Administrator Charles Bolden spoke. Russian President Vladimir Putin did not."
    )
    assert found["NASA"][0] == "ORG"
    assert found["Charles Bolden"][0] == "PERSON"
    assert found["NASA Administrator"][2:] == (True, "charles bolden")
    assert found["Russian President"][2:] == (True, "vladimir putin")


def test_sentence_openers_are_not_names() -> None:
    found = mentions_of(
        "However, the talks failed. Nobody came. Although Paris is big, Rome is old."
    )
    assert "However" not in found and "Nobody" not in found and "Although" not in found
    assert found["Paris"][0] == "PLACE" and found["Rome"][0] == "PLACE"


def test_story_with_other_name_orders_and_transliterations(
    fixtures_dir: Path, load_article: Callable[[Path], Article]
) -> None:
    articles = [
        load_article(fixtures_dir / "extract" / n) for n in ("summit_a.txt", "summit_b.txt")
    ]
    entities = link_entities(articles)
    xi = entity_with(entities, "Xi Jinping")
    assert {"Xi", "The Chinese president"} <= {m.text for m in xi.mentions}
    lula = entity_with(entities, "Luiz Inácio Lula da Silva")
    assert {"Lula", "Luiz Inacio Lula da Silva", "the Brazilian leader"} <= {
        m.text for m in lula.mentions
    }
    # one changed letter in a long surname is a transliteration variant ...
    assert (
        entity_with(entities, "Volodymyr Zelenskyy").id
        == entity_with(entities, "Volodymyr Zelensky").id
    )
    # ... a different given name with the same family name is another person
    assert entity_with(entities, "Li Qiang").id != entity_with(entities, "Li Keqiang").id
    who = entity_with(entities, "World Health Organization")
    assert "WHO" in {m.text for m in who.mentions}


def test_hard_negatives_shared_surnames_and_place_names(
    fixtures_dir: Path, load_article: Callable[[Path], Article]
) -> None:
    article = load_article(fixtures_dir / "extract" / "negatives.txt")
    entities = link_entities([article])
    assert entity_with(entities, "Mary Johnson").id != entity_with(entities, "Peter Johnson").id
    assert entity_with(entities, "Paris Hilton").kind == "PERSON"
    assert entity_with(entities, "Paris Hilton").id != entity_with(entities, "Paris").id
    assert entity_with(entities, "Michael Jordan").kind == "PERSON"
    assert entity_with(entities, "Kim Yo-jong").id == entity_with(entities, "Kim Yo Jong").id
    assert entity_with(entities, "Kim Yo-jong").id != entity_with(entities, "Kim Jong-un").id


def test_link_entities_reads_articles_not_yet_extracted() -> None:
    article = Article(id="x", title="", text="Angela Merkel met Emmanuel Macron. Merkel said no.")
    entities = link_entities([article])
    merkel = entity_with(entities, "Angela Merkel")
    assert {"Angela Merkel", "Merkel"} <= {m.text for m in merkel.mentions}


def test_seeds_bare_kim_goes_to_the_story_leader_without_captions(
    seed_articles: tuple[Article, Article],
) -> None:
    # cleaning drops the photo caption that named "North Korean leader Kim Jong Un"; the bare
    # "Kim" before "Kim Son Gyong" must not become him but the story's most prominent Kim
    other, bloomberg = seed_articles
    text = "\n".join(line for line in other.text.splitlines() if "(REUTERS)" not in line)
    article = Article(id="no-captions", title="", text=text)
    entities = link_entities([article, bloomberg])
    kim = entity_with(entities, "Kim Jong-un")
    assert sum(m.text == "Kim" for m in kim.mentions) >= 3
    assert [m.text for m in entity_with(entities, "Kim Son Gyong").mentions] == ["Kim Son Gyong"]


def test_middle_names_and_facility_name_variants_merge() -> None:
    a = Article(
        id="a",
        title="",
        text=(
            "Attorney Mark Jay Heller said his client entered the Betty Ford Center on Monday.\n\n"
            "The Promises Treatment Center in Malibu declined to comment."
        ),
    )
    b = Article(
        id="b",
        title="",
        text=(
            "Mark Heller told reporters she was at the Betty Ford Clinic. Heller said no more.\n\n"
            "She had left Promises last year."
        ),
    )
    entities = link_entities([a, b])
    assert entity_with(entities, "Mark Jay Heller").id == entity_with(entities, "Mark Heller").id
    assert (
        entity_with(entities, "Betty Ford Center").id
        == entity_with(entities, "Betty Ford Clinic").id
    )
    assert (
        entity_with(entities, "Promises").id
        == entity_with(entities, "Promises Treatment Center").id
    )


def test_headline_case_does_not_glue_words_into_names() -> None:
    text = (
        "Lohan Checks Into Betty Ford Rehab\n\n"
        "Lindsay Lohan checks into rehab at the Betty Ford Center, her lawyer said."
    )
    found = mentions_of(text)
    assert "Lohan Checks Into Betty Ford Rehab" not in found
    assert "Lohan" in found and found["Lohan"][0] == "PERSON"


def test_multi_word_names_in_place_context_are_places() -> None:
    found = mentions_of(
        "Residents in Glen Harbury complained. Later the mayor of Port Aldis said the water "
        "was safe, and Kettle Bay's harbour reopened. Aid also reached South East Asia."
    )
    assert found["Glen Harbury"][0] == "PLACE"
    assert found["Port Aldis"][0] == "PLACE"
    assert found["Kettle Bay"][0] == "PLACE"
    assert found["South East Asia"][0] == "PLACE"


def test_a_person_after_in_as_a_possessor_stays_a_person() -> None:
    found = mentions_of("The papers were found in Martin Oduya's office on Monday.")
    assert found["Martin Oduya"][0] == "PERSON"


def test_plural_possessive_inside_an_organisation_name() -> None:
    found = mentions_of("The Korean People’s Army fired shells near the border.")
    assert found["Korean People’s Army"][0] == "ORG"


def test_caption_spellings_become_aliases_not_entities() -> None:
    from crossread.extract import extract, link_entities
    from crossread.models import Article, Removal

    body = "Governor Lee Sang-min opened the bridge. Lee said it would carry 40,000 cars a day."
    article = extract(
        Article(
            id="a1",
            title="Bridge opens",
            text=body,
            removed=(
                Removal(
                    text="Governor Lee Sang Min and Piet Oster at the bridge. (Photo: AFP)",
                    reason="caption",
                ),
            ),
        )
    )
    entities = link_entities([article])
    assert all(e.name != "Piet Oster" for e in entities)  # a caption never creates an entity
    lee = next(e for e in entities if e.name == "Lee Sang-min")
    assert "Lee Sang Min" in lee.aliases
