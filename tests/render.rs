//! Server-rendered views: direction, Persian text, every state, and markup escaped.
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use election_widget::components::news_card::{NewsCard, NewsCardProps};
use election_widget::components::status::{
    empty_view, error_view, skeleton, ErrorViewProps, LocaleProps,
};
use election_widget::components::turnout_cta::{turnout_cta, TurnoutCtaProps};
use election_widget::locale::Locale;
use election_widget::model::{Election, Image, Item, Link, Turnout};
use election_widget::problem::Problem;
use election_widget::time::{parse_rfc3339, Instant};
use yew::{function_component, Callback, Html, LocalServerRenderer, Properties};

/// Renders a view function on the server, inside a component as the widget does.
#[derive(Properties)]
struct ViewProps {
    view: Rc<dyn Fn() -> Html>,
}

impl PartialEq for ViewProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.view, &other.view)
    }
}

#[function_component]
fn View(props: &ViewProps) -> Html {
    (props.view)()
}

async fn render(view: impl Fn() -> Html + 'static) -> String {
    LocalServerRenderer::<View>::with_props(ViewProps {
        view: Rc::new(view),
    })
    .hydratable(false)
    .render()
    .await
}

fn at(s: &str) -> Instant {
    parse_rfc3339(s).unwrap()
}

fn item() -> Item {
    Item {
        id: "n1".into(),
        kicker: Some("رئیس حوزه انتخابیه قدس؛".into()),
        title: "انسجام‌بخشی روابط عمومی‌ها".into(),
        lead: Some("لید خبر".into()),
        body: vec!["بند اول.".into(), "بند دوم.".into()],
        url: Some("https://news.example/1".into()),
        source: Some("کمیته اطلاع‌رسانی".into()),
        published: Some(at("2024-01-20T10:30:00+03:30")),
        date_only: false,
        image: Some(Image {
            src: "https://news.example/a.jpg".into(),
            alt: "جلسه".into(),
            width: Some(640),
            height: Some(360),
        }),
    }
}

fn election() -> Election {
    Election {
        title: "انتخابات مجلس".into(),
        opens: at("2024-03-01T08:00:00+03:30"),
        closes: at("2024-03-01T18:00:00+03:30"),
        cta: Some(Link {
            label: "شعبه اخذ رأی".into(),
            url: "https://vote.example/".into(),
        }),
        turnout: Some(Turnout {
            previous: 42.57,
            label: None,
        }),
    }
}

async fn card(item: Item, locale: Locale, now: Instant) -> String {
    let props = NewsCardProps {
        item: Rc::new(item),
        locale: Rc::new(locale),
        lang: None,
        now,
        heading_level: 2,
    };
    LocalServerRenderer::<NewsCard>::with_props(props)
        .hydratable(false)
        .render()
        .await
}

async fn cta(now: &str, locale: Locale) -> String {
    let props = TurnoutCtaProps {
        election: Rc::new(election()),
        locale: Rc::new(locale),
        now: at(now),
        heading_level: 3,
    };
    render(move || turnout_cta(&props)).await
}

#[tokio::test]
async fn news_card_in_persian() {
    let html = card(item(), Locale::persian(), at("2024-01-20T12:30:00+03:30")).await;
    assert!(
        html.contains(
            r#"<h2 id="ew-title" dir="rtl" class="card__title">انسجام‌بخشی روابط عمومی‌ها</h2>"#
        ),
        "{html}"
    );
    assert!(html.contains("رئیس حوزه انتخابیه قدس؛"));
    assert!(
        html.contains("شنبه ۳۰ دی ۱۴۰۲، ساعت ۱۰:۳۰"),
        "Solar Hijri, Persian digits: {html}"
    );
    assert!(html.contains("۲ ساعت پیش"));
    assert!(html.contains(r#"datetime="2024-01-20T07:00:00Z""#));
    assert!(html.contains(r#"aria-expanded="false""#) && html.contains("ادامه خبر"));
    assert!(
        html.contains(r#"<div id="ew-body" hidden="hidden" class="card__body">"#),
        "body folded: {html}"
    );
    assert!(html.contains(r#"href="https://news.example/1""#) && html.contains("متن کامل خبر"));
    assert!(html.contains("هم‌رسانی خبر"), "share button");
    assert!(html.contains(r#"width="640""#) && html.contains(r#"alt="جلسه""#));
}

#[tokio::test]
async fn news_card_without_optional_fields() {
    let bare = Item {
        id: "x".into(),
        title: "فقط تیتر".into(),
        ..Item::default()
    };
    let html = card(bare, Locale::persian(), at("2024-01-20T12:30:00+03:30")).await;
    assert!(html.contains("فقط تیتر"));
    for absent in ["<img", "ادامه خبر", "card__meta", "card__kicker", "<a "] {
        assert!(!html.contains(absent), "{absent} should not render: {html}");
    }
}

#[tokio::test]
async fn markup_in_every_text_field_is_escaped() {
    let evil = r#"<img src=x onerror=alert(1)><script>alert(2)</script>"#;
    let hostile = Item {
        id: evil.into(),
        kicker: Some(evil.into()),
        title: evil.into(),
        lead: Some(evil.into()),
        body: vec![evil.into()],
        source: Some(evil.into()),
        image: Some(Image {
            src: "https://a/x.jpg".into(),
            alt: format!("\"{evil}"),
            width: None,
            height: None,
        }),
        ..item()
    };
    let html = card(hostile, Locale::persian(), at("2024-01-20T12:30:00+03:30")).await;
    assert!(
        !html.contains("<script>") && !html.contains("<img src=x"),
        "{html}"
    );
    assert!(html.contains("&lt;script&gt;alert(2)&lt;/script&gt;"));
    assert_eq!(
        html.matches("<img").count(),
        1,
        "only the card's own image element"
    );
}

#[tokio::test]
async fn cta_before_during_and_after() {
    let before = cta("2024-02-24T14:15:00+03:30", Locale::persian()).await;
    assert!(before.contains(r#"data-phase="upcoming""#));
    assert!(before.contains("۵ روز و ۱۷ ساعت"), "{before}");
    assert!(before.contains("جمعه ۱۱ اسفند ۱۴۰۲") && before.contains("از ۰۸:۰۰ تا ۱۸:۰۰"));
    assert!(
        before.contains(r#"<h3 id="ew-cta-title""#),
        "heading level is the host's"
    );
    assert!(before.contains(r#"href="https://vote.example/""#));
    assert!(
        before.contains("۴۲٫۶٪") && before.contains("<meter"),
        "{before}"
    );

    let last_day = cta("2024-02-29T20:30:00+03:30", Locale::persian()).await;
    assert!(last_day.contains("۱۱ ساعت و ۳۰ دقیقه"), "{last_day}");

    let during = cta("2024-03-01T10:00:00+03:30", Locale::persian()).await;
    assert!(
        during.contains(r#"data-phase="open""#) && during.contains("تا ساعت ۱۸:۰۰ باز هستند"),
        "{during}"
    );

    let after = cta("2024-03-01T18:00:00+03:30", Locale::persian()).await;
    assert!(
        after.contains(r#"data-phase="closed""#) && after.contains("رأی‌گیری به پایان رسیده است")
    );
    assert!(!after.contains("vote.example"), "no call to a closed poll");
}

#[tokio::test]
async fn cta_in_english() {
    let html = cta("2024-02-29T20:30:00+03:30", Locale::for_tag("en")).await;
    assert!(
        html.contains("Friday 1 March 2024") && html.contains("11 hours 30 minutes"),
        "{html}"
    );
    assert!(html.contains("42.6%"));
}

#[tokio::test]
async fn states_around_the_content() {
    let locale = Rc::new(Locale::persian());
    let props = LocaleProps {
        locale: locale.clone(),
    };
    let loading = render(move || skeleton(&props)).await;
    assert!(loading.contains(r#"aria-busy="true""#) && loading.contains("در حال بارگذاری"));
    let props = LocaleProps {
        locale: locale.clone(),
    };
    let empty = render(move || empty_view(&props)).await;
    assert!(empty.contains("خبری برای نمایش نیست"));
    let error = |problem| ErrorViewProps {
        problem,
        locale: locale.clone(),
        on_retry: Callback::noop(),
    };
    let props = error(Problem::Network);
    let network = render(move || error_view(&props)).await;
    assert!(
        network.contains(r#"data-code="network""#)
            && network.contains("تلاش دوباره")
            && network.contains(r#"role="alert""#)
    );
    let props = error(Problem::Config("x".into()));
    let config = render(move || error_view(&props)).await;
    assert!(
        config.contains("تنظیم نشده") && !config.contains("تلاش دوباره"),
        "no retry for a page-side mistake"
    );
}

#[tokio::test]
async fn each_text_field_reads_in_its_own_direction() {
    let mixed = Item {
        kicker: Some("Breaking: 3 results".into()),
        title: "FATF در دستور کار مجمع".into(),
        lead: Some("Why did 3 of 5 voters stay home?".into()),
        body: vec![
            "بند اول به فارسی.".into(),
            "An English paragraph, quoted.".into(),
        ],
        source: Some("Reuters".into()),
        ..item()
    };
    let html = card(
        mixed.clone(),
        Locale::persian(),
        at("2024-01-20T12:30:00+03:30"),
    )
    .await;
    for expected in [
        r#"<p dir="ltr" class="card__kicker">Breaking: 3 results</p>"#,
        r#"<h2 id="ew-title" dir="rtl" class="card__title">FATF در دستور کار مجمع</h2>"#,
        r#"<p dir="ltr" class="card__lead">Why did 3 of 5 voters stay home?</p>"#,
        r#"<p dir="rtl">بند اول به فارسی.</p>"#,
        r#"<p dir="ltr">An English paragraph, quoted.</p>"#,
        r#"<bdi dir="ltr">Reuters</bdi>"#,
    ] {
        assert!(html.contains(expected), "{expected} in {html}");
    }
    // a Persian title in an English card, with the feed's declared language on each field
    let props = NewsCardProps {
        item: Rc::new(item()),
        locale: Rc::new(Locale::for_tag("en")),
        lang: Some("fa-IR".into()),
        now: at("2024-01-20T12:30:00+03:30"),
        heading_level: 2,
    };
    let html = LocalServerRenderer::<NewsCard>::with_props(props)
        .hydratable(false)
        .render()
        .await;
    assert!(
        html.contains(r#"<h2 id="ew-title" dir="rtl" lang="fa-IR" class="card__title">"#),
        "{html}"
    );
    assert!(
        html.contains("Saturday 20 January 2024"),
        "the card's own dates follow the widget: {html}"
    );
}

#[tokio::test]
async fn a_date_without_a_time_shows_the_day_alone() {
    let day = Item {
        published: Some(at("2024-06-25T00:00:00Z")),
        date_only: true,
        ..item()
    };
    let html = card(day, Locale::persian(), at("2024-06-25T12:00:00+03:30")).await;
    assert!(html.contains(r#"datetime="2024-06-25""#), "{html}");
    assert!(html.contains("۵ تیر ۱۴۰۳"), "{html}");
    assert!(
        !html.contains("ساعت") && !html.contains("card__age"),
        "no time, no age: {html}"
    );
}

#[tokio::test]
async fn headline_titles_and_dates_never_run_together() {
    use election_widget::components::headlines::{headlines, HeadlinesProps};
    let items: Rc<[Item]> = vec![
        Item {
            title: "خبر دوم".into(),
            ..item()
        },
        Item {
            // an unterminated right-to-left override
            title: "Results \u{202E}gnitov".into(),
            url: None,
            ..item()
        },
    ]
    .into();
    let props = HeadlinesProps {
        items,
        locale: Rc::new(Locale::persian()),
        lang: None,
    };
    let html = render(move || headlines(&props)).await;
    assert!(
        html.contains(r#"<a href="https://news.example/1" rel="noopener" dir="rtl" class="headlines__title">خبر دوم</a><div dir="rtl" class="headlines__date"><time datetime="2024-01-20T07:00:00Z">"#),
        "the date on a line of its own, outside the title's island: {html}"
    );
    assert!(
        html.contains("<span dir=\"ltr\" class=\"headlines__title\">Results \u{202E}gnitov</span><div dir=\"rtl\" class=\"headlines__date\">"),
        "{html}"
    );
}

#[tokio::test]
async fn a_retry_button_only_where_retrying_can_help() {
    let locale = Rc::new(Locale::persian());
    for (problem, retry) in [
        (Problem::Network, true),
        (Problem::Timeout, true),
        (Problem::Server(503), true),
        (Problem::Http(403), true),
        (Problem::BadData("not JSON".into()), false),
        (Problem::NotFound(404), false),
        (Problem::TooLarge(1 << 20), false),
        (Problem::Config("no data-src".into()), false),
        (Problem::Host("x".into()), false),
    ] {
        let code = problem.code();
        assert_eq!(problem.retryable(), retry, "{code}");
        let props = ErrorViewProps {
            problem,
            locale: locale.clone(),
            on_retry: Callback::noop(),
        };
        let html = render(move || error_view(&props)).await;
        assert_eq!(html.contains("تلاش دوباره"), retry, "{code}: {html}");
    }
}
