from pipeline.places import division_index, domain_counties, domain_labels, find_places


def counties(url):
    return {(d.city, d.county) for d in domain_counties(url)}


def test_domain_full_pinyin():
    assert counties("https://www.beibei.gov.cn/zwgk_239/fzzfjsndbg/") == {("重庆市", "北碚区")}


def test_domain_city_prefix_initials():
    assert counties("http://www.hzxh.gov.cn/art/2022/3/14/art_1.html") == {("杭州市", "西湖区")}
    assert counties("http://cqjlp.gov.cn/zwgk_251/") == {("重庆市", "九龙坡区")}
    assert counties("https://xxgk.shbsq.gov.cn/article.html") == {("上海市", "宝山区")}


def test_domain_polyphone_reading():
    # 长宁 is read changning, 朝阳 chaoyang in these names
    assert counties("https://zwgk.shcn.gov.cn/xxgk/") == {("上海市", "长宁区")}
    assert counties("http://www.bjchy.gov.cn/affair/") == {("北京市", "朝阳区")}


def test_domain_ambiguous_and_non_gov():
    assert len(counties("http://www.fl.gov.cn/bm/")) > 1  # fl: 涪陵区 and others
    assert counties("http://www.contigotg.com/bm/") == set()  # not a gov.cn site
    assert domain_labels("not a url") == []


def test_find_places_same_name_counties():
    places = find_places("杭州市西湖区人民政府")
    assert [p.name for p in places] == ["杭州市", "西湖区"]
    assert {d.city for d in places[1].divisions} == {"杭州市", "南昌市"}


def test_recently_merged_county_still_known():
    assert "渝北区" in division_index().counties


def test_domain_never_names_non_gov_cn_divisions():
    assert all(d.province != "台湾省" for d in domain_counties("http://www.xiangshan.gov.cn/art/"))
