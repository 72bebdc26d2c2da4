//! The web page in a real headless Chromium, driven through WebDriver.
