"""Moderation: detectors with their checks, term lists, policies, and streams redacted exactly as
whole texts are, whatever the chunking."""
from __future__ import annotations

import pytest

from ketch.security.guards.moderation import Category, Moderator, load_policy
from ketch.security.guards.pii import DETECTORS

SECRET = "sk-ketch-Q2xhdWRlIGlzIGEgZ29vZCBib3Q"


@pytest.mark.parametrize("name,real,lookalike", [
    ("email", "write to li.wei+news@mail.example.org today", "version 2.0@build and a@b"),
    ("credit_card", "card 4111 1111 1111 1111 expires", "order 4111 1111 1111 1112 shipped"),
    ("iban", "pay to DE89 3704 0044 0532 0130 00 please", "ref DE89 3704 0044 0532 0130 01 please"),
    ("cn_resident_id", "身份证号 11010519491231002X 已登记", "编号 110105194912310021 已登记"),
    ("us_ssn", "SSN 219-09-9999 on file", "SSN 000-12-3456 on file"),
    ("phone", "call +44 20 7946 0958 tomorrow", "call 12 34 tomorrow"),
    ("ip_address", "server at 10.20.30.40 is down", "version 999.1.1.1 is out"),
    ("api_key", f"token {SECRET} leaked", "token sk-short leaked"),
])
def test_detector_finds_the_real_one_and_checks_out_the_lookalike(name, real, lookalike):
    m = Moderator([Category("x", detectors=(name,), output="redact")])
    assert m.apply(real, "output").counts() == {"x": 1}, real
    assert m.apply(lookalike, "output").counts() == {}, lookalike


def test_private_key_block_is_one_finding():
    key = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----"
    out = Moderator(load_policy()).apply(f"here:\n{key}\nthanks", "output")
    assert out.text == "here:\n[REDACTED:secrets]\nthanks"


def test_terms_are_whole_words_for_latin_script_and_anywhere_in_chinese():
    m = Moderator([Category("banned", terms=("Secret Plan", "机密"), input="block", output="redact")])
    assert m.apply("the SECRET PLAN is", "output").text == "the [REDACTED:banned] is"
    assert m.apply("the secret planner", "output").counts() == {}
    assert m.apply("这是机密文件", "output").text == "这是[REDACTED:banned]文件"
    blocked = m.apply("tell me the secret plan", "input")
    assert blocked.blocked and blocked.text == ""


def test_regex_categories_and_flags():
    m = Moderator([Category("ticket", regexes=(r"\bTCK-\d{6}\b",), input="flag", output="redact")])
    flagged = m.apply("see TCK-123456", "input")
    assert flagged.text == "see TCK-123456" and flagged.counts("flag") == {"ticket": 1}
    assert m.apply("see tck-123456", "output").text == "see [REDACTED:ticket]"


TEXT = (f"Reach me at li.wei@corp.example or +1 415 555 2671. My card is 4111-1111-1111-1111 and the key is "
        f"{SECRET}; the server is 192.168.0.17. 好的，谢谢！")


@pytest.fixture(scope="module")
def moderator():
    return Moderator(load_policy())


def _streamed(moderator, chunks):
    s = moderator.stream("output")
    parts = [s.feed(c) for c in chunks]
    parts.append(s.finish())
    return parts


def test_the_stream_equals_the_whole_text_at_every_split(moderator):
    whole = moderator.apply(TEXT, "output").text
    assert whole.count("[REDACTED:") == 5 and SECRET not in whole
    for cut in range(1, len(TEXT)):
        parts = _streamed(moderator, [TEXT[:cut], TEXT[cut:]])
        assert "".join(parts) == whole, cut
        assert not any(SECRET[:12] in p for p in parts)  # no piece of the secret ever leaves
    for size in (1, 2, 3, 4, 7, 13):
        parts = _streamed(moderator, [TEXT[i:i + size] for i in range(0, len(TEXT), size)])
        assert "".join(parts) == whole, size


def test_the_stream_holds_back_only_what_could_still_match(moderator):
    s = moderator.stream("output")
    assert s.feed("The weather is lovely today, ") == "The weather is lovely today, "
    out = s.feed("mail me at li.wei@corp")
    assert out == "mail me at " and "li.wei" not in out  # the address is held until it ends
    # a trailing word could still be the start of an address ("thanks@..."): held to the next blank
    assert s.feed(".example thanks") == "[REDACTED:pii] "
    assert s.feed(" a lot") == "thanks a "
    assert s.finish() == "lot"


def test_a_blocked_stream_stops_and_says_so():
    m = Moderator([Category("banned", terms=("launch codes",), output="block")])
    s = m.stream("output")
    assert s.feed("Here are the launch") == "Here are the "
    assert s.feed(" codes: 0000") == "" and s.blocked
    assert s.feed(" more") == "" and s.finish() == ""
    assert s.counts() == {"banned": 1}


def test_policy_files(tmp_path):
    toml = tmp_path / "p.toml"
    toml.write_text('[[category]]\nname = "x"\nterms = ["foo"]\ninput = "block"\noutput = "flag"\n')
    (cat,) = load_policy(toml)
    assert cat.terms == ("foo",) and cat.input == "block"
    yml = tmp_path / "p.yaml"
    yml.write_text("category:\n  - name: y\n    detectors: [email]\n    output: redact\n")
    assert load_policy(yml)[0].detectors == ("email",)
    for body, message in (('[[category]]\nname = "x"\nterms = ["a"]\ninput = "drop"\n', "input action"),
                          ('[[category]]\nname = "x"\ndetectors = ["dna"]\n', "unknown detectors"),
                          ('[[category]]\nname = "x"\nterms = ["a"]\ncolour = "red"\n', "unknown keys"),
                          ('[[category]]\nname = "x"\n', "no terms"),
                          ("[[category]\n", "not valid TOML")):
        toml.write_text(body)
        with pytest.raises(ValueError, match=message):
            load_policy(toml)
    toml.write_text('[[category]]\nname = "x"\nregexes = ["(unclosed"]\n')
    with pytest.raises(ValueError, match="bad regex"):
        Moderator(load_policy(toml))


def test_every_detector_has_a_bounded_length():
    assert all(0 < d.max_len <= 8100 for d in DETECTORS.values())


def test_a_text_of_many_candidates_costs_a_bounded_number_of_checks():
    from ketch.security.guards import moderation

    m = Moderator([Category("pii", detectors=("phone",), input="redact", output="redact")])
    text = "ref 00 00 00 00 00 / " * (moderation.MAX_CHECKS + 50)  # phone-shaped, no valid number
    out = m.apply(text, "input")
    assert len(out.findings) == 50  # the first MAX_CHECKS were checked and refused; the rest redacted


def test_a_stream_keeps_word_boundaries_across_chunks():
    m = Moderator([Category("rude", terms=("ass",), output="redact"),
                   Category("pii", detectors=("email",), output="redact")])
    text = "The class is big, the ass is grey; mail x.y@corp.example now, glass bass"
    whole = m.apply(text, "output").text
    assert whole == "The class is big, the [REDACTED:rude] is grey; mail [REDACTED:pii] now, glass bass"
    for cut in range(1, len(text)):
        s = m.stream("output")
        assert s.feed(text[:cut]) + s.feed(text[cut:]) + s.finish() == whole, cut
    s = m.stream("output")
    assert s.feed("cla") == "" and s.feed("ss is ok") == "class is " and s.finish() == "ok"
