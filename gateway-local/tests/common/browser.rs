//! A headless Chromium driven over `WebDriver`, for the dashboard's browser
//! test: Debian's `chromium` and `chromium-driver` (`chromedriver` on a free
//! loopback port, a child process in a process group of its own, killed with
//! the browser it started on drop), a `fantoccini` session, keyboard input,
//! waits with a bound, and PNG screenshots under the target dir.
//!
//! Only `tests/browser.rs` includes this module (by path), so the other test
//! binaries do not link the `WebDriver` client.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::actions::{InputSource as _, KeyAction, KeyActions};
use fantoccini::elements::Element;
use fantoccini::key::Key;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{Value, json};

/// The browser: Debian's `chromium` package.
pub(crate) const CHROMIUM: &str = "/usr/bin/chromium";
/// The `WebDriver` server (Debian's `chromium-driver`), looked up on `PATH` first.
pub(crate) const CHROMEDRIVER: &str = "chromedriver";
/// Where Debian's `chromium-driver` puts it, when `PATH` lacks it.
const CHROMEDRIVER_FALLBACK: &str = "/usr/bin/chromedriver";
/// The browser window, fixed so screenshots compare across runs.
pub(crate) const WINDOW: (u32, u32) = (1280, 900);
/// No wait of the browser test may take longer (page loads, elements, `chromedriver`'s start).
pub(crate) const PATIENCE: Duration = Duration::from_secs(15);
/// The tallest screenshot: longer pages are cut there.
pub(crate) const SCREENSHOT_MAX_HEIGHT: u32 = 4000;
/// Where the screenshots go, under the target dir.
pub(crate) const SCREENSHOT_DIR: &str = "dashboard-screenshots";

/// The `chromedriver` to run, or why there is none: `Err` names what is missing.
fn tools() -> Result<PathBuf, String> {
    let on_path = std::env::var_os("PATH")
        .map(|paths| std::env::split_paths(&paths).map(|dir| dir.join(CHROMEDRIVER)).collect::<Vec<_>>())
        .unwrap_or_default()
        .into_iter()
        .find(|candidate| candidate.is_file());
    let driver = on_path.or_else(|| Some(PathBuf::from(CHROMEDRIVER_FALLBACK)).filter(|p| p.is_file()));
    match (driver, Path::new(CHROMIUM).is_file()) {
        (Some(driver), true) => Ok(driver),
        (None, true) => Err(format!("no `{CHROMEDRIVER}` on PATH or at {CHROMEDRIVER_FALLBACK}")),
        (Some(_), false) => Err(format!("no browser at {CHROMIUM}")),
        (None, false) => Err(format!("no browser at {CHROMIUM} and no `{CHROMEDRIVER}`")),
    }
}

/// A running `chromedriver`, leader of its own process group: dropping it
/// kills the group, so a browser it started goes too even when a test
/// panics before closing its session.
struct Driver {
    child: Child,
}

impl Drop for Driver {
    fn drop(&mut self) {
        if self.child.try_wait().ok().flatten().is_none() {
            let group = format!("-{}", self.child.id());
            let _ = Command::new("kill").args(["-KILL", "--", &group]).status();
            let _ = self.child.kill();
        }
        let _ = self.child.wait();
    }
}

/// A `WebDriver` session in headless Chromium.
pub(crate) struct Browser {
    client: Client,
    // Dropped after `client`: the session's connection goes first.
    _driver: Driver,
}

impl Browser {
    /// Starts `chromedriver` and a headless Chromium session. Without
    /// Chromium or `chromedriver`: panics naming what is missing when the `CI`
    /// environment variable is set, otherwise prints a notice and returns
    /// `None` (the caller then skips the test).
    pub(crate) async fn start() -> Option<Self> {
        let driver_path = match tools() {
            Ok(path) => path,
            Err(missing) if std::env::var_os("CI").is_some() => {
                panic!(
                    "{missing}; CI is set, so the browser test must run: install Debian's chromium and chromium-driver"
                )
            }
            Err(missing) => {
                eprintln!(
                    "NOTICE: browser test skipped: {missing}. Install Debian's `chromium` and `chromium-driver` \
                     (`apt-get install chromium chromium-driver`) to run it; with CI set it fails instead."
                );
                return None;
            }
        };
        let port = crate::common::free_port();
        let child = std::os::unix::process::CommandExt::process_group(
            Command::new(&driver_path).arg(format!("--port={port}")).arg("--log-level=WARNING"),
            0,
        )
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("{} does not start: {e}", driver_path.display()));
        let mut driver = Driver { child };
        let url = format!("http://127.0.0.1:{port}");
        wait_until_ready(&mut driver, &url).await;
        let (width, height) = WINDOW;
        let mut capabilities = serde_json::Map::new();
        capabilities.insert("browserName".to_owned(), json!("chrome"));
        capabilities.insert(
            "goog:chromeOptions".to_owned(),
            json!({
                "binary": CHROMIUM,
                // Root in CI and containers: no sandbox. Small /dev/shm in containers: use /tmp.
                "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                         format!("--window-size={width},{height}")],
            }),
        );
        let client = ClientBuilder::rustls()
            .expect("rustls for the WebDriver client")
            .capabilities(capabilities)
            .connect(&url)
            .await
            .unwrap_or_else(|e| panic!("no Chromium session from chromedriver at {url}: {e}"));
        Some(Self { client, _driver: driver })
    }

    /// Loads `url` (returns once the page has loaded).
    pub(crate) async fn goto(&self, url: &str) {
        self.client.goto(url).await.unwrap_or_else(|e| panic!("load {url}: {e}"));
    }

    /// The current URL.
    pub(crate) async fn url(&self) -> url::Url {
        self.client.current_url().await.expect("the current URL")
    }

    /// The first element `css` selects, waiting for it (bounded).
    pub(crate) async fn find(&self, css: &str) -> Element {
        match self.client.wait().at_most(PATIENCE).for_element(Locator::Css(css)).await {
            Ok(element) => element,
            Err(e) => panic!("no {css} within {PATIENCE:?} on {}: {e}", self.url().await),
        }
    }

    /// Every element `css` selects now (no wait).
    pub(crate) async fn find_all(&self, css: &str) -> Vec<Element> {
        self.client.find_all(Locator::Css(css)).await.unwrap_or_else(|e| panic!("find {css}: {e}"))
    }

    /// The text of the first element `css` selects (waiting for it).
    pub(crate) async fn text(&self, css: &str) -> String {
        self.find(css).await.text().await.unwrap_or_else(|e| panic!("text of {css}: {e}"))
    }

    /// Runs `script` (a function body; `arguments` holds `args`) in the page.
    pub(crate) async fn js(&self, script: &str, args: Vec<Value>) -> Value {
        self.client.execute(script, args).await.unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
    }

    /// Waits (bounded) until `script` returns `true` in the page.
    pub(crate) async fn wait_until(&self, what: &str, script: &str, args: Vec<Value>) {
        let deadline = Instant::now() + PATIENCE;
        while self.js(script, args.clone()).await != Value::Bool(true) {
            assert!(Instant::now() < deadline, "not within {PATIENCE:?}: {what} (on {})", self.url().await);
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Waits (bounded) until the page's path is `path`.
    pub(crate) async fn wait_for_path(&self, path: &str) -> url::Url {
        let deadline = Instant::now() + PATIENCE;
        loop {
            let url = self.url().await;
            let ready = self.js("return document.readyState === 'complete';", vec![]).await;
            if url.path() == path && ready == Value::Bool(true) {
                return url;
            }
            assert!(Instant::now() < deadline, "not at {path} within {PATIENCE:?}; at {url}");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Presses and releases `key` on the keyboard (whatever has the focus gets it).
    pub(crate) async fn press(&self, key: Key) {
        self.keys(&[char::from(key)]).await;
    }

    /// Types `text` on the keyboard, one key at a time.
    pub(crate) async fn type_text(&self, text: &str) {
        self.keys(&text.chars().collect::<Vec<_>>()).await;
    }

    async fn keys(&self, keys: &[char]) {
        let mut actions = KeyActions::new("keyboard".to_owned());
        for &value in keys {
            actions = actions.then(KeyAction::Down { value }).then(KeyAction::Up { value });
        }
        self.client.perform_actions(actions).await.expect("keyboard actions");
    }

    /// The `id` of the focused element (`""` when it has none, `None` when
    /// nothing but the document has the focus).
    pub(crate) async fn focused_id(&self) -> Option<String> {
        let script = "const e = document.activeElement; \
                      return (!e || e === document.body) ? null : (e.id || '');";
        self.js(script, vec![]).await.as_str().map(str::to_owned)
    }

    /// Presses Tab until the element with id `target` has the focus (at most
    /// `limit` times); returns the ids focused on the way, `target` last.
    pub(crate) async fn tab_to(&self, target: &str, limit: usize) -> Vec<String> {
        let mut seen = Vec::new();
        for _ in 0..limit {
            self.press(Key::Tab).await;
            let focused = self.focused_id().await.unwrap_or_default();
            let done = focused == target;
            seen.push(focused);
            if done {
                return seen;
            }
        }
        panic!("#{target} not reached with {limit} Tab presses on {}; focused: {seen:?}", self.url().await)
    }

    /// Writes a PNG screenshot of the whole page (up to
    /// [`SCREENSHOT_MAX_HEIGHT`] pixels; the window grows for it, then
    /// shrinks back) to `{target}/dashboard-screenshots/{name}.png`; returns its path.
    pub(crate) async fn screenshot(&self, name: &str) -> PathBuf {
        let (width, height) = WINDOW;
        // The window is taller than the page's viewport by the browser's own frame.
        let script = "return [document.documentElement.scrollHeight, window.outerHeight - window.innerHeight];";
        let sizes: (u32, u32) = serde_json::from_value(self.js(script, vec![]).await).expect("page sizes");
        let full = (sizes.0 + sizes.1).clamp(height, SCREENSHOT_MAX_HEIGHT);
        self.client.set_window_size(width, full).await.expect("grow the window");
        let png = self.client.screenshot().await;
        self.client.set_window_size(width, height).await.expect("restore the window");
        let png = png.unwrap_or_else(|e| panic!("screenshot {name}: {e}"));
        assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"), "screenshot {name} is not a PNG");
        let dir = screenshot_dir();
        std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("create {}: {e}", dir.display()));
        let path = dir.join(format!("{name}.png"));
        std::fs::write(&path, png).unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
        eprintln!("screenshot: {}", path.display());
        path
    }

    /// Ends the session (the browser exits), then `chromedriver` is killed.
    pub(crate) async fn close(self) {
        let Self { client, _driver } = self;
        let _ = client.close().await;
    }
}

/// Waits (bounded) until `chromedriver` at `url` says it is ready.
async fn wait_until_ready(driver: &mut Driver, url: &str) {
    let http = reqwest::Client::builder().timeout(Duration::from_secs(2)).build().expect("a client");
    let deadline = Instant::now() + PATIENCE;
    loop {
        if let Some(status) = driver.child.try_wait().expect("try_wait") {
            panic!("chromedriver exited at start ({status})");
        }
        if let Ok(answer) = http.get(format!("{url}/status")).send().await {
            let status: Value = answer.json().await.unwrap_or_default();
            if status["value"]["ready"] == json!(true) {
                return;
            }
        }
        assert!(Instant::now() < deadline, "chromedriver not ready within {PATIENCE:?}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// The workspace's target dir: `CARGO_TARGET_DIR` (a relative one taken
/// from the workspace root, where cargo resolves it when run there), else
/// `target` beside the workspace manifest.
pub(crate) fn target_dir() -> PathBuf {
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("the workspace root").to_path_buf();
    match std::env::var_os("CARGO_TARGET_DIR").filter(|dir| !dir.is_empty()) {
        Some(dir) => workspace.join(dir),
        None => workspace.join("target"),
    }
}

/// `{target}/dashboard-screenshots`.
pub(crate) fn screenshot_dir() -> PathBuf {
    target_dir().join(SCREENSHOT_DIR)
}
