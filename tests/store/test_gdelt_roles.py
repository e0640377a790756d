"""GDELT export: actor codes split into country, known group and role fields."""

from __future__ import annotations

from tidings.store.gdelt import CodeTables, _actor_fields


def test_phoenix_party_role_is_a_type_code():
    # PTY is Phoenix's, not in CAMEO's type table; it is still the actor's role, not lost.
    fields = _actor_fields(1, "INDPTY", "IND", "party members", CodeTables.load())
    assert fields["Actor1CountryCode"] == "IND"
    assert fields["Actor1Type1Code"] == "PTY"


def test_cameo_roles_keep_their_order():
    fields = _actor_fields(2, "IRQGOVMIL", "IRQ", "Iraqi army", CodeTables.load())
    assert (fields["Actor2Type1Code"], fields["Actor2Type2Code"]) == ("GOV", "MIL")
