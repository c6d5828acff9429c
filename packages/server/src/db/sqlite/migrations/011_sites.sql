-- Sites run for real: archived (the widget is refused, the data stays) and the widget's look,
-- which the widget reads from the server so that owners change it without touching their pages.

-- When the site was archived; NULL while it is in use.
ALTER TABLE sites ADD COLUMN archived_at TEXT;
-- `#rgb` or `#rrggbb`, lower case; NULL for the widget's default.
ALTER TABLE sites ADD COLUMN widget_color TEXT
  CHECK (widget_color IS NULL OR (length(widget_color) IN (4, 7) AND widget_color GLOB '#*' AND substr(widget_color, 2) NOT GLOB '*[^0-9a-f]*'));
ALTER TABLE sites ADD COLUMN widget_position TEXT NOT NULL DEFAULT 'right' CHECK (widget_position IN ('left', 'right'));
-- NULL: the locale's default text.
ALTER TABLE sites ADD COLUMN widget_title TEXT;
ALTER TABLE sites ADD COLUMN widget_greeting TEXT;
-- NULL: the page's language.
ALTER TABLE sites ADD COLUMN widget_locale TEXT CHECK (widget_locale IS NULL OR widget_locale IN ('en', 'fr', 'ar'));
