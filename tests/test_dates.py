from pathlib import Path

from hypothesis import given, settings, strategies as st

from pipeline.extract.dates import extract_dates
from pipeline.normalize import normalize_text

SHARED = Path(__file__).resolve().parents[2] / "shared"


def spans(text, year=2020, exclude=()):
    return [(d.raw, d.date_start, d.date_end, d.granularity, d.role) for d in extract_dates(text, year, exclude)]


def test_seed_report_dates():
    text = normalize_text((SHARED / "seed_report.txt").read_text(encoding="utf-8"))
    found = extract_dates(text, 2020)
    assert [d.raw for d in found if d.role == "publish_date"] == ["2021-03-15"]
    assert ("2020年", "2020-01-01", "2020-12-31", "year", "report_period") in spans(text)
    # 《重庆市法治政府建设实施方案(2016—2020年)》 is a cited title: no date from it
    assert not any(d.raw.startswith("2016") for d in found)
    for d in found:
        assert text[d.start : d.end] == d.raw


def test_absolute_forms():
    got = spans("发布时间:2021/03/29 11:30:01\n2021年3月15日召开会议,2021年3月出台,2020年度完成。", 2020)
    assert got[0][:3] == ("2021/03/29", "2021-03-29", "2021-03-29")
    assert ("2021年3月15日", "2021-03-15", "2021-03-15", "day", "mention") in got
    assert ("2021年3月", "2021-03-01", "2021-03-31", "month", "mention") in got
    assert ("2020年度", "2020-01-01", "2020-12-31", "year", "report_period") in got


def test_ranges():
    got = spans("统计期限自2019年1月1日至2019年12月31日止。2016—2020年规划,纲要(2021-2025)实施,10月10—11日培训。", 2019)
    assert ("2019年1月1日至2019年12月31日", "2019-01-01", "2019-12-31", "range", "report_period") in got
    assert ("2016—2020年", "2016-01-01", "2020-12-31", "range", "mention") in got
    assert ("2021-2025", "2021-01-01", "2025-12-31", "range", "mention") in got
    assert ("10月10—11日", "2019-10-10", "2019-10-11", "range", "mention") in got


def test_relative_words():
    got = spans("今年以来,全年共办理;去年同期;明年将继续;三年内完成;每年开展。", 2020)
    assert [g[:3] for g in got] == [
        ("今年", "2020-01-01", "2020-12-31"),
        ("全年", "2020-01-01", "2020-12-31"),
        ("去年", "2019-01-01", "2019-12-31"),
        ("明年", "2021-01-01", "2021-12-31"),
    ]
    assert spans("今年以来,全年共办理", None) == []


def test_not_dates():
    text = "今天是:2019年10月31日 星期三\n依据渝府办发〔2020〕103号和《法治政府建设实施纲要(2021—2025年)》,办理30天,共2020件,第十九届五中全会。"
    assert spans(text, 2020) == []
    # caller-given spans are excluded too
    assert spans("2020年工作", 2020, [(0, 5)]) == []


def test_dropped_characters():
    assert spans("20201月1日起施行", 2020)[0][1:3] == ("2020-01-01", "2020-01-01")
    assert spans("2022121日起施行", 2022) == []  # 12-1 or 1-21: ambiguous
    assert spans("930日至1031日,开展评查", 2020)[0][1:4] == ("2020-09-30", "2020-10-31", "range")


def test_deadline_role():
    assert spans("于2021年4月1日前完成", 2020)[0][4] == "deadline"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789年月日度至—-/.:今去明全本上下半季前《》〔〕号起止 \n星期")) | st.characters(), max_size=120),
       st.one_of(st.none(), st.integers(min_value=-5, max_value=3000)))
def test_never_raises_and_offsets_slice(s, year):
    for d in extract_dates(s, year, [(0, 3), (-2, 1000)]):
        assert s[d.start : d.end] == d.raw
        assert d.date_start <= d.date_end


def test_months_without_year_and_year_end():
    # g100/d159/g096 held-out lines: a month alone takes the report year; 年底 is December
    got = spans("截至11月底,共受理;6月以来,7月至今;其中5月市级排名第一;截止2016年底,共", 2020)
    assert [g[:4] for g in got] == [
        ("11月底", "2020-11-01", "2020-11-30", "month"),
        ("6月", "2020-06-01", "2020-06-30", "month"),
        ("7月", "2020-07-01", "2020-07-31", "month"),
        ("5月", "2020-05-01", "2020-05-31", "month"),
        ("2016年底", "2016-12-01", "2016-12-31", "month"),
    ]
    assert spans("共3个月,1-11月", 2020) == []


def test_dropped_character_range_and_not_dates():
    # g063, g068: the site dropped 年/月 on both ends of the statistics period
    assert spans("统计期限为20231月1日起至202312月31日止。", 2023)[0][:4] == (
        "20231月1日起至202312月31日", "2023-01-01", "2023-12-31", "range")
    assert spans("202511日至20251231日", 2025)[0][1:3] == ("2025-01-01", "2025-12-31")
    # 本年报 = 本 + 年报 (g096); 完成上年度 is the year before (d164); 年度内 = 年内 (d189)
    assert spans("本年报是按照条例编制。", 2016) == []
    assert [g[:3] for g in spans("及时完成上年度问题整改,年度内4次召开", 2025)] == [
        ("上年度", "2024-01-01", "2024-12-31"), ("年度内", "2025-01-01", "2025-12-31")]


def test_every_date_of_the_page_header_is_a_publish_date():
    # dev d019: the header's 成文日期 and 发布日期 fields (both 2024-03-22), then the report
    text = normalize_text((SHARED / "corpus" / "dev" / "d019.txt").read_text(encoding="utf-8"))
    roles = [(d.raw, d.role) for d in extract_dates(text, 2023)]
    assert roles[:2] == [("2024-03-22", "publish_date"), ("2024-03-22", "publish_date")]
    assert ("2023 年", "report_period") in roles or ("2023年", "report_period") in roles
    # a banner's date is not the page's
    banner = "今天是2019年10月31日 星期三\n标题:关于2019年法治政府建设的报告\n发布时间:2020-03-01\n" + "2019年,我镇坚持依法行政,全面推进法治政府建设,取得明显成效。" * 2
    dates = {d.raw: d.role for d in extract_dates(normalize_text(banner), 2019)}
    assert dates["2020-03-01"] == "publish_date" and dates.get("2019年10月31日") != "publish_date"
