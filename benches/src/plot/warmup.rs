//! Warm-up curves: time per iteration against iteration number.
//!
//! The line is the per-iteration median across processes (what the report's
//! numbers come from); the faint dots are the individual processes, so
//! noise is visible rather than hidden; a ring marks the iteration where the
//! runtime became steady. The y axis starts at zero so that heights compare
//! honestly.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::{colour, text, Figure, PlotResult};
use crate::report::seconds;
use crate::suite::{Outcome, ProgramResult, Suite};

/// How a set of curves is drawn: full size with axes described and a
/// legend, or compact for a grid cell.
struct Style {
    title: String,
    title_size: f64,
    label_size: f64,
    /// Multiplies seconds into the y axis's unit.
    scale: f64,
    y_desc: &'static str,
    legend: bool,
}

/// One program's warm-up chart.
pub struct Curves<'a> {
    suite: &'a Suite,
    program: &'a ProgramResult,
}

impl<'a> Curves<'a> {
    pub fn new(suite: &'a Suite, program: &'a ProgramResult) -> Self {
        Curves { suite, program }
    }
}

impl Figure for Curves<'_> {
    fn size(&self) -> (u32, u32) {
        (900, 520)
    }

    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>) -> PlotResult
    where
        DB::ErrorType: 'static,
    {
        let style = Style {
            title: format!(
                "{}: time per iteration (lower is faster)",
                self.program.name
            ),
            title_size: 22.0,
            label_size: 14.0,
            scale: 1e3,
            y_desc: "milliseconds per iteration",
            legend: true,
        };
        draw_curves(root, self.suite, self.program, &style)
    }
}

/// Every program's warm-up curves in one picture, each relative to the
/// reference runtime's steady state so programs of any length share a scale.
pub struct Grid<'a> {
    suite: &'a Suite,
}

const COLUMNS: usize = 4;
const CELL: (u32, u32) = (300, 220);
const HEADER: u32 = 70;

impl<'a> Grid<'a> {
    pub fn new(suite: &'a Suite) -> Self {
        Grid { suite }
    }

    fn rows(&self) -> usize {
        self.suite.programs.len().div_ceil(COLUMNS)
    }
}

impl Figure for Grid<'_> {
    fn size(&self) -> (u32, u32) {
        (
            CELL.0 * COLUMNS as u32,
            HEADER + CELL.1 * self.rows() as u32,
        )
    }

    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>) -> PlotResult
    where
        DB::ErrorType: 'static,
    {
        let reference = self
            .suite
            .runtimes
            .first()
            .map_or("the reference", |r| r.name.as_str());
        let (header, body) = root.split_vertically(HEADER);
        header.draw_text(
            &format!("Warm-up: time per iteration / {reference}'s steady state (lower is faster)"),
            &text(20.0),
            (12, 8),
        )?;
        draw_legend(&header, self.suite, (12, 44))?;
        let cells = body.split_evenly((self.rows(), COLUMNS));
        for (program, cell) in self.suite.programs.iter().zip(&cells) {
            let unit = program
                .summary(0)
                .map(|s| s.steady_median)
                .filter(|&t| t > 0.0);
            let style = Style {
                title: program.name.clone(),
                title_size: 15.0,
                label_size: 11.0,
                scale: unit.map_or(1e3, |t| 1.0 / t),
                y_desc: if unit.is_some() { "" } else { "ms" },
                legend: false,
            };
            draw_curves(cell, self.suite, program, &style)?;
        }
        Ok(())
    }
}

/// A row of coloured line samples and runtime names, starting at `at`.
fn draw_legend<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    suite: &Suite,
    at: (i32, i32),
) -> PlotResult
where
    DB::ErrorType: 'static,
{
    let (mut x, y) = at;
    let count = suite.runtimes.len();
    for (index, runtime) in suite.runtimes.iter().enumerate() {
        let c = colour(index, count);
        area.draw(&PathElement::new(
            vec![(x, y + 8), (x + 24, y + 8)],
            c.stroke_width(3),
        ))?;
        area.draw_text(&runtime.name, &text(14.0), (x + 30, y))?;
        let (width, _) = area.estimate_text_size(&runtime.name, &text(14.0))?;
        x += 30 + width as i32 + 24;
    }
    Ok(())
}

fn draw_curves<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    suite: &Suite,
    program: &ProgramResult,
    style: &Style,
) -> PlotResult
where
    DB::ErrorType: 'static,
{
    let timed: Vec<(usize, &Vec<crate::summary::Sample>)> = program
        .outcomes
        .iter()
        .enumerate()
        .filter_map(|(i, o)| match o {
            Outcome::Timed(samples) if !samples.is_empty() => Some((i, samples)),
            _ => None,
        })
        .collect();
    let iterations = timed
        .iter()
        .flat_map(|(_, samples)| samples.iter().map(|s| s.iterations.len()))
        .max()
        .unwrap_or(suite.iterations)
        .max(1);
    let highest = timed
        .iter()
        .flat_map(|(_, samples)| samples.iter().flat_map(|s| s.iterations.iter()))
        .fold(0.0f64, |a, &b| a.max(b))
        * style.scale;
    let top = if highest > 0.0 { highest * 1.08 } else { 1.0 };

    let compact = !style.legend;
    let mut chart = ChartBuilder::on(area)
        .caption(&style.title, text(style.title_size))
        .margin(if compact { 6 } else { 14 })
        .x_label_area_size(if compact { 22 } else { 44 })
        .y_label_area_size(if compact { 40 } else { 64 })
        .build_cartesian_2d(0.5f64..iterations as f64 + 0.5, 0f64..top)?;
    let integer = |x: &f64| {
        if (x - x.round()).abs() < 1e-9 {
            format!("{}", x.round())
        } else {
            String::new()
        }
    };
    let mut mesh = chart.configure_mesh();
    mesh.x_labels(iterations.min(if compact { 6 } else { 20 }))
        .x_label_formatter(&integer)
        .y_labels(if compact { 5 } else { 10 })
        .label_style(text(style.label_size))
        .light_line_style(WHITE.mix(0.0));
    if !compact {
        mesh.x_desc("iteration")
            .y_desc(style.y_desc)
            .axis_desc_style(text(style.label_size + 1.0));
    } else if !style.y_desc.is_empty() {
        mesh.y_desc(style.y_desc)
            .axis_desc_style(text(style.label_size));
    }
    mesh.draw()?;

    let count = suite.runtimes.len();
    for (index, samples) in timed {
        let Some(summary) = program.summary(index) else {
            continue;
        };
        let c = colour(index, count);
        let scale = style.scale;
        let at = |i: usize, t: f64| (i as f64 + 1.0, t * scale);
        chart.draw_series(samples.iter().flat_map(|s| {
            s.iterations
                .iter()
                .enumerate()
                .map(move |(i, &t)| Circle::new(at(i, t), 2, c.mix(0.3).filled()))
        }))?;
        let points: Vec<(f64, f64)> = summary
            .curve
            .iter()
            .enumerate()
            .map(|(i, &t)| at(i, t))
            .collect();
        let label = format!(
            "{} (first {}, steady {})",
            suite.runtimes[index].name,
            seconds(summary.first),
            seconds(summary.steady_median)
        );
        chart
            .draw_series(LineSeries::new(points.clone(), c.stroke_width(2)))?
            .label(label)
            .legend(move |(x, y)| PathElement::new(vec![(x, y), (x + 22, y)], c.stroke_width(3)));
        chart.draw_series(points.iter().map(|&p| Circle::new(p, 3, c.filled())))?;
        if let Some(steady) = summary.steady {
            let p = points[steady.iteration - 1];
            chart.draw_series(std::iter::once(Circle::new(p, 7, c.stroke_width(2))))?;
        }
    }
    if style.legend {
        chart
            .configure_series_labels()
            .position(SeriesLabelPosition::LowerRight)
            .background_style(WHITE.mix(0.85))
            .border_style(BLACK.mix(0.3))
            .label_font(text(style.label_size))
            .draw()?;
    }
    Ok(())
}
