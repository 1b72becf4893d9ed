# SPDX-License-Identifier: MIT
"""Canvas, Block and Item: reading, changing, and all-or-nothing adds."""

import pytest

import smbstrat

BLOCKS = ("key_partnerships", "key_activities", "key_resources", "value_propositions",
          "customer_relationships", "channels", "customer_segments", "cost_structure",
          "revenue_streams")


def test_block_keys_are_the_nine_blocks_in_order():
    assert smbstrat.BLOCK_KEYS == BLOCKS


def test_new_canvas_is_empty():
    canvas = smbstrat.Canvas()
    assert canvas.name == "" and canvas.description == ""
    assert canvas.item_count == 0
    assert all(len(canvas[key]) == 0 for key in BLOCKS)
    named = smbstrat.Canvas(name="Crumb", description="A bakery")
    assert (named.name, named.description) == ("Crumb", "A bakery")


def test_block_sequence_protocol(small):
    costs = small["cost_structure"]
    assert len(costs) == 2
    assert costs[0].id == "cost-flour"
    assert costs[1].id == "cost-rent"
    assert costs[-1].id == "cost-rent"
    assert costs[-2].id == "cost-flour"
    assert [i.id for i in costs[::-1]] == ["cost-rent", "cost-flour"]
    assert [i.id for i in costs] == ["cost-flour", "cost-rent"]
    assert costs.ids() == ("cost-flour", "cost-rent")
    with pytest.raises(IndexError):
        costs[2]
    with pytest.raises(IndexError):
        costs[-3]
    with pytest.raises(TypeError):
        costs["0"]
    assert "cost-rent" in costs
    assert small.item("cost-rent") in costs
    assert "rev-bread" not in costs  # exists, but in another block
    assert "nobody" not in costs
    assert 3 not in costs
    assert costs.key == "cost_structure"
    assert costs.title == "Cost Structure"
    assert repr(costs) == "<Block 'cost_structure': 2 items (cost-flour, cost-rent)>"
    assert repr(small["key_resources"]) == "<Block 'key_resources': 0 items>"


def test_blocks_mapping(small):
    blocks = small.blocks
    assert list(blocks) == list(BLOCKS)
    assert len(blocks) == 9
    assert "channels" in blocks and "nope" not in blocks
    assert {key: len(block) for key, block in blocks.items()} == {
        "key_partnerships": 0, "key_activities": 0, "key_resources": 0,
        "value_propositions": 1, "customer_relationships": 0, "channels": 1,
        "customer_segments": 1, "cost_structure": 2, "revenue_streams": 1}


def test_unknown_block_key_is_key_error_and_wrong_type_type_error(small):
    with pytest.raises(KeyError):
        small["nope"]
    with pytest.raises(smbstrat.NotFoundError):
        small.blocks["nope"]
    with pytest.raises(TypeError):
        small[0]


def test_item_attributes(small):
    seg = small.item("seg-families")
    assert seg.id == "seg-families"
    assert seg.text == "Families"
    assert seg.notes == "Two streets around the shop"
    assert seg.importance == 4
    assert seg.evidence == "assumption"
    assert seg.tags == ()
    assert seg.links == ()
    assert seg.amount is None and seg.kind is None
    assert seg.block == "customer_segments" and seg.position == 0
    shop = small.item("ch-shop")
    assert shop.tags == ("core", "local")
    assert shop.links == ("seg-families",)
    assert shop.notes is None
    rent = small.item("cost-rent")
    assert (rent.amount, rent.kind, rent.position) == (18000.0, "fixed", 1)
    assert rent.to_dict() == {
        "id": "cost-rent", "block": "cost_structure", "position": 1, "text": "Rent",
        "notes": None, "tags": (), "importance": 3, "evidence": "validated",
        "amount": 18000.0, "kind": "fixed", "links": ()}


def test_item_lookup(small):
    with pytest.raises(smbstrat.NotFoundError) as info:
        small.item("nobody")
    assert "nobody" in str(info.value)
    assert isinstance(info.value, KeyError)
    assert small.find("nobody") is None
    assert small.find("vp-fresh") == small.item("vp-fresh")


def test_item_setters_change_the_canvas(small):
    item = small.item("rev-bread")
    item.text = "Bread and pastries"
    item.notes = "Counter sales"
    item.importance = 5
    item.evidence = "validated"
    item.amount = 61000.5
    item.kind = "subscription"
    item.tags = ["core", "shop"]
    again = small.item("rev-bread")
    assert again.text == "Bread and pastries"
    assert again.notes == "Counter sales"
    assert again.importance == 5
    assert again.evidence == "validated"
    assert again.amount == 61000.5
    assert again.kind == "subscription"
    assert again.tags == ("core", "shop")
    item.notes = None
    item.amount = None
    item.kind = None
    item.tags = ()
    assert (again.notes, again.amount, again.kind, again.tags) == (None, None, None, ())


def test_rejected_item_updates_change_nothing(small):
    item = small.item("ch-shop")
    with pytest.raises(smbstrat.RangeError):
        item.importance = 0
    with pytest.raises(smbstrat.RangeError):
        item.importance = 6
    with pytest.raises(smbstrat.InvalidArgumentError):
        item.text = ""
    with pytest.raises(ValueError):
        item.evidence = "proven"
    with pytest.raises(smbstrat.InvalidArgumentError):
        item.amount = 10.0  # channels carry no amounts
    with pytest.raises(smbstrat.InvalidArgumentError):
        item.kind = "fixed"  # a cost kind outside cost_structure
    with pytest.raises(smbstrat.Error):
        item.tags = ["a", "a"]  # duplicates
    assert item.importance == 3
    assert item.text == "Shop"
    assert item.evidence == "assumption"
    assert item.amount is None and item.kind is None
    assert item.tags == ("core", "local")


def test_amount_range_is_checked(small):
    rev = small.item("rev-bread")
    for bad in (-1.0, float("nan"), float("inf"), 1e16):
        with pytest.raises(smbstrat.RangeError):
            rev.amount = bad
    assert rev.amount == 50000.0
    rev.amount = 10**15  # the documented maximum, as an int
    assert rev.amount == 1e15


def test_add_with_every_field(small):
    item = small.add("revenue_streams", "rev-club", "Bread Club", notes="weekly",
                     tags=["subscription", "online"], importance=4, evidence="testing",
                     amount=9000, kind="subscription", links=["seg-families"])
    assert isinstance(item, smbstrat.Item)
    assert item.to_dict() == {
        "id": "rev-club", "block": "revenue_streams", "position": 1, "text": "Bread Club",
        "notes": "weekly", "tags": ("subscription", "online"), "importance": 4,
        "evidence": "testing", "amount": 9000.0, "kind": "subscription",
        "links": ("seg-families",)}
    assert small.revenue == 59000.0  # 50000 + 9000


def test_add_is_all_or_nothing(small):
    before = small.copy()
    # each of these fails after the item itself was created in C
    failing = [
        dict(importance=9),
        dict(amount=5.0),                    # no amounts in channels
        dict(kind="subscription"),           # nor kinds
        dict(links=["nobody"]),              # unknown target
        dict(links=["seg-families", "vp-fresh"]),  # channel -> proposition not allowed
        dict(tags=["x", "x"]),
    ]
    for kwargs in failing:
        with pytest.raises(smbstrat.Error):
            small.add("channels", "ch-new", "New channel", **kwargs)
        assert small.find("ch-new") is None, kwargs
        assert small == before, kwargs
    # an existing id is refused before anything changes
    with pytest.raises(smbstrat.ExistsError):
        small.add("channels", "vp-fresh", "Same id")
    assert small == before


def test_add_checks_types_before_changing_anything(small):
    before = small.copy()
    bad = [
        ((3, "x", "X"), {}),
        (("channels", 3, "X"), {}),
        (("channels", "x", None), {}),
        (("channels", "x", "X"), dict(tags="core")),
        (("channels", "x", "X"), dict(tags=[1])),
        (("channels", "x", "X"), dict(importance="4")),
        (("channels", "x", "X"), dict(importance=4.0)),
        (("channels", "x", "X"), dict(importance=True)),
        (("channels", "x", "X"), dict(evidence=2)),
        (("channels", "x", "X"), dict(amount="10")),
        (("channels", "x", "X"), dict(kind=1)),
        (("channels", "x", "X"), dict(notes=5)),
        (("channels", "x", "X"), dict(links="seg-families")),
        (("channels", "x", "X"), dict(links=[5])),
    ]
    for args, kwargs in bad:
        with pytest.raises(TypeError):
            small.add(*args, **kwargs)
        assert small == before, (args, kwargs)
    with pytest.raises(ValueError):
        small.add("no_such_block", "x", "X")
    assert small == before


def test_remove(small):
    small.remove("seg-families")
    assert small.find("seg-families") is None
    # links to it went with it
    assert small.item("vp-fresh").links == ()
    assert small.item("ch-shop").links == ()
    with pytest.raises(smbstrat.NotFoundError):
        small.remove("seg-families")
    small.remove(small.item("vp-fresh"))  # an Item works as well as its id
    assert small.item_count == 4


def test_move_within_and_across_blocks():
    canvas = smbstrat.Canvas()
    for n in range(3):
        canvas.add("key_activities", f"ka-{n}", f"Activity {n}")
    canvas.move("ka-0", "key_activities", 2)
    assert canvas["key_activities"].ids() == ("ka-1", "ka-2", "ka-0")
    canvas.move("ka-0", "key_activities", 0)
    assert canvas["key_activities"].ids() == ("ka-0", "ka-1", "ka-2")
    canvas.move("ka-1", "key_activities")  # None appends
    assert canvas["key_activities"].ids() == ("ka-0", "ka-2", "ka-1")
    canvas.move("ka-2", "key_resources")
    assert canvas["key_resources"].ids() == ("ka-2",)
    assert canvas.item("ka-2").block == "key_resources"
    with pytest.raises(smbstrat.RangeError):
        canvas.move("ka-0", "key_resources", 5)
    with pytest.raises(smbstrat.RangeError):
        canvas.move("ka-0", "key_resources", -1)
    with pytest.raises(smbstrat.NotFoundError):
        canvas.move("nobody", "key_resources")
    with pytest.raises(TypeError):
        canvas.move("ka-0", "key_resources", "1")
    assert canvas["key_activities"].ids() == ("ka-0", "ka-1")


def test_move_refuses_a_block_where_links_are_not_allowed(small):
    with pytest.raises(smbstrat.InvalidArgumentError):
        small.move("ch-shop", "key_resources")  # key_resources -> segment not allowed
    assert small.item("ch-shop").block == "channels"


def test_link_and_unlink(small):
    small.add("customer_segments", "seg-cafes", "Cafés")
    small.link("vp-fresh", "seg-cafes")
    assert small.item("vp-fresh").links == ("seg-families", "seg-cafes")
    assert small.linked("vp-fresh", "seg-cafes")
    with pytest.raises(smbstrat.ExistsError):
        small.link("vp-fresh", "seg-cafes")
    with pytest.raises(smbstrat.InvalidArgumentError):
        small.link("seg-cafes", "vp-fresh")  # wrong direction
    with pytest.raises(smbstrat.NotFoundError):
        small.link("vp-fresh", "nobody")
    small.unlink(small.item("vp-fresh"), small.item("seg-cafes"))
    assert not small.linked("vp-fresh", "seg-cafes")
    with pytest.raises(smbstrat.NotFoundError):
        small.unlink("vp-fresh", "seg-cafes")
    with pytest.raises(TypeError):
        small.link("vp-fresh", 1)


def test_name_and_description(small):
    small.name = "Crumb & Co."
    small.description = "Sourdough"
    assert (small.name, small.description) == ("Crumb & Co.", "Sourdough")
    small.description = None
    assert small.description == ""
    with pytest.raises(TypeError):
        small.name = 5
    assert small.name == "Crumb & Co."


def test_copy_and_equality(small):
    twin = small.copy()
    assert twin == small and twin is not small
    twin.item("vp-fresh").importance = 1
    assert twin != small
    assert small.item("vp-fresh").importance == 5
    assert (small == "not a canvas") is False
    with pytest.raises(TypeError):
        hash(small)
    import copy
    assert copy.deepcopy(small) == small and copy.copy(small) == small


def test_item_views_compare_by_canvas_and_id(small):
    a = small.item("vp-fresh")
    assert a == small.item("vp-fresh")
    assert a != small.item("seg-families")
    assert a != small.copy().item("vp-fresh")  # same id, other canvas
    assert len({a, small.item("vp-fresh")}) == 1


def test_iteration_survives_changes(small):
    seen = []
    for item in small["cost_structure"]:
        seen.append(item.id)
        small.remove(item.id)
    assert seen == ["cost-flour", "cost-rent"]
    assert len(small["cost_structure"]) == 0


def test_iter_items_walks_blocks_in_order(small):
    assert [i.id for i in small.iter_items()] == [
        "vp-fresh", "ch-shop", "seg-families", "cost-flour", "cost-rent", "rev-bread"]


def test_repr(small):
    assert repr(small) == "<Canvas 'Test Bakery': 6 items in 5 of 9 blocks>"
    assert repr(smbstrat.Canvas()) == "<Canvas: 0 items in 0 of 9 blocks>"
    assert repr(small.item("vp-fresh")) == "<Item 'vp-fresh' in value_propositions: 'Fresh bread'>"
