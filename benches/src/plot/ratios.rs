//! The summary bar chart: the runtime under study (listed last) against each
//! other runtime on every program, at the first iteration and at steady
//! state.
//!
//! Bars are horizontal, one row per program so long names stay readable, on
//! a log scale centred on 1: a program twice as fast and one twice as slow
//! get bars of equal length on either side, as the geometric mean treats
//! them.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::{colour, text, Figure, PlotResult};
use crate::suite::Suite;

const BAR: u32 = 11;
const ROW_GAP: u32 = 12;
const NAMES: u32 = 130;
const TOP: u32 = 90;
const BOTTOM: u32 = 50;

/// The suite's ratio chart.
pub struct Ratios<'a> {
    suite: &'a Suite,
    subject: usize,
}

impl<'a> Ratios<'a> {
    /// `None` when there is no other runtime to compare with.
    pub fn new(suite: &'a Suite) -> Option<Self> {
        let subject = suite.runtimes.len().checked_sub(1).filter(|&s| s > 0)?;
        (!suite.programs.is_empty()).then_some(Ratios { suite, subject })
    }

    /// Bars per program row: first and steady against each other runtime.
    fn bars(&self) -> usize {
        2 * self.subject
    }

    fn row_height(&self) -> u32 {
        BAR * self.bars() as u32 + ROW_GAP
    }
}

impl Figure for Ratios<'_> {
    fn size(&self) -> (u32, u32) {
        (
            1000,
            TOP + BOTTOM + self.row_height() * self.suite.programs.len() as u32,
        )
    }

    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>) -> PlotResult
    where
        DB::ErrorType: 'static,
    {
        let suite = self.suite;
        let name = &suite.runtimes[self.subject].name;
        let rows = suite.programs.len();
        let ratios: Vec<Vec<Option<f64>>> = suite
            .programs
            .iter()
            .map(|p| {
                (0..self.subject)
                    .flat_map(|other| {
                        let r = p.ratio(self.subject, other);
                        [r.map(|r| r.first), r.map(|r| r.steady)]
                    })
                    .collect()
            })
            .collect();
        // A symmetric log range that holds every bar, at least 0.5x to 2x.
        let extreme = ratios
            .iter()
            .flatten()
            .flatten()
            .map(|r| r.ln().abs())
            .fold(2f64.ln(), f64::max);
        let span = (extreme * 1.15).exp();

        let (header, body) = root.split_vertically(TOP);
        header.draw_text(
            &format!("{name}'s speed relative to each runtime (their time / {name}'s time)"),
            &text(20.0),
            (12, 10),
        )?;
        header.draw_text(
            "right of 1 is faster, left is slower; log scale. No bar: not timed (see the report).",
            &text(14.0),
            (12, 38),
        )?;
        let mut x = 12;
        for other in 0..self.subject {
            let c = colour(other, suite.runtimes.len());
            for (shade, label) in [(0.45, "first iteration"), (1.0, "steady state")] {
                header.draw(&Rectangle::new(
                    [(x, 64), (x + 18, 76)],
                    c.mix(shade).filled(),
                ))?;
                let label = format!("vs {}, {label}", suite.runtimes[other].name);
                header.draw_text(&label, &text(13.0), (x + 24, 63))?;
                x += 24 + header.estimate_text_size(&label, &text(13.0))?.0 as i32 + 20;
            }
        }

        let mut chart = ChartBuilder::on(&body)
            .margin_right(24)
            .margin_bottom(6)
            .x_label_area_size(BOTTOM - 6)
            .y_label_area_size(NAMES)
            .build_cartesian_2d((1.0 / span..span).log_scale(), 0f64..rows as f64)?;
        chart
            .configure_mesh()
            .disable_mesh()
            .y_labels(0)
            .x_label_formatter(&|_| String::new())
            .x_desc(format!("ratio ({name} faster ->)"))
            .axis_desc_style(text(14.0))
            .draw()?;
        // Labels are drawn on the root in its own pixels, which is where the
        // chart's backend coordinates are measured from.
        let origin = root.get_base_pixel();
        let label = |(x, y): (i32, i32), text: &str, pos: Pos| -> PlotResult {
            root.draw_text(
                text,
                &super::text(13.0).pos(pos),
                (x - origin.0, y - origin.1),
            )?;
            Ok(())
        };
        // Plotters puts few labels on a log axis this short, so the ticks
        // are ours: 1x and round ratios either side of it, symmetric.
        for tick in ticks(span) {
            let line = if tick == 1.0 {
                BLACK.stroke_width(1)
            } else {
                BLACK.mix(0.15).stroke_width(1)
            };
            chart.draw_series(std::iter::once(PathElement::new(
                vec![(tick, 0.0), (tick, rows as f64)],
                line,
            )))?;
            label(
                chart.backend_coord(&(tick, 0.0)),
                &format!("{}x", round(tick)),
                Pos::new(HPos::Center, VPos::Top),
            )?;
        }

        // Row i spans y in [rows - i - 1, rows - i], top to bottom; bars fill
        // it but for a gap, each a thin band.
        let band = (1.0 - ROW_GAP as f64 / self.row_height() as f64) / self.bars() as f64;
        for (i, row) in ratios.iter().enumerate() {
            let top = (rows - i) as f64 - 0.5 * ROW_GAP as f64 / self.row_height() as f64;
            for (bar, ratio) in row.iter().enumerate() {
                let Some(ratio) = ratio else { continue };
                let other = bar / 2;
                let shade = if bar % 2 == 0 { 0.45 } else { 1.0 };
                let c = colour(other, suite.runtimes.len()).mix(shade);
                let y0 = top - band * bar as f64;
                chart.draw_series(std::iter::once(Rectangle::new(
                    [(1.0, y0 - band * 0.9), (*ratio, y0)],
                    c.filled(),
                )))?;
            }
            let (x, y) = chart.backend_coord(&(1.0 / span, (rows - i) as f64 - 0.5));
            label(
                (x - 8, y),
                &suite.programs[i].name,
                Pos::new(HPos::Right, VPos::Center),
            )?;
        }
        Ok(())
    }
}

/// Round ratios within `1/span..span`, and their reciprocals: 1, then 1.5,
/// 2, 3, 5 on a short axis, 2, 5, 10, 20, 50 ... on a long one.
fn ticks(span: f64) -> Vec<f64> {
    let steps: &[f64] = if span <= 4.0 {
        &[1.5, 2.0, 3.0, 5.0]
    } else {
        &[2.0, 5.0, 10.0]
    };
    let mut ticks = vec![1.0];
    for decade in [1.0, 10.0, 100.0, 1000.0] {
        for &step in steps {
            let r: f64 = step * decade;
            if r < span && !ticks.contains(&r) {
                ticks.push(r);
                ticks.push(1.0 / r);
            }
        }
    }
    ticks
}

/// A tick's label: at most two decimals, no trailing zeros.
fn round(ratio: f64) -> String {
    let text = format!("{ratio:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_round_and_symmetric() {
        let labels: Vec<String> = ticks(3.4).into_iter().map(round).collect();
        assert_eq!(labels, ["1", "1.5", "0.67", "2", "0.5", "3", "0.33"]);
        assert_eq!(ticks(1.2), [1.0]);
        let labels: Vec<String> = ticks(25.0).into_iter().map(round).collect();
        assert_eq!(
            labels,
            ["1", "2", "0.5", "5", "0.2", "10", "0.1", "20", "0.05"]
        );
    }
}
