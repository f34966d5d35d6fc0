-- Corporate actions: splits and dividends recorded from a provider, and moves the detector suspects in the bars
-- (README, "Suspected corporate actions and bad bars"). The detector never changes a bar: it only writes here.
CREATE TABLE corporate_actions (
  symbol          text COLLATE "C" NOT NULL,
  ex_date         date NOT NULL,
  -- split / dividend (recorded); unexplained_move / bad_bar (suspected).
  kind            text NOT NULL CHECK (kind IN ('split', 'dividend', 'unexplained_move', 'bad_bar')),
  -- split: new shares per old share (2 for a 2-for-1); suspected: the observed close-to-close ratio.
  ratio           double precision CHECK (ratio > 0),
  -- dividend: cash per share.
  cash_amount     double precision CHECK (cash_amount >= 0),
  -- The provider (yahoo, tiingo, alphavantage …) for a recorded action; 'detector' for a suspected one.
  source          text NOT NULL,
  status          text NOT NULL CHECK (status IN ('recorded', 'suspected')),
  -- suspected_corporate_action / suspected_bad_bar; null for recorded actions.
  reason          text CHECK (reason IN ('suspected_corporate_action', 'suspected_bad_bar')),
  -- The closes behind a suspicion (previous/next date and close, move), so a person can judge it.
  evidence        jsonb,
  first_seen      timestamptz NOT NULL DEFAULT now(),
  -- The run (workflow id) that recorded or first suspected it.
  detected_by_run text,
  CHECK ((status = 'recorded') = (kind IN ('split', 'dividend'))),
  CHECK ((status = 'suspected') = (reason IS NOT NULL)),
  -- One action of a kind per symbol and day: a second provider reporting the same split does not double it.
  PRIMARY KEY (symbol, ex_date, kind)
);
