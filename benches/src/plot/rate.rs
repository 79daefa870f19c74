//! Throughput over time, for programs that report units of work (the
//! service's requests): what a load balancer would see from a freshly
//! started process of each runtime.
//!
//! Each point is one iteration of the warm-up curve, placed at the elapsed
//! time when it ended, at the rate it ran (units / its time).

use plotters::coord::Shift;
use plotters::prelude::*;

use super::{colour, text, Figure, PlotResult};
use crate::report::thousands;
use crate::suite::{ProgramResult, Suite};

/// One program's rate chart.
pub struct Rate<'a> {
    suite: &'a Suite,
    program: &'a ProgramResult,
    units: f64,
    name: &'a str,
}

impl<'a> Rate<'a> {
    /// `None` for programs that report no units.
    pub fn new(suite: &'a Suite, program: &'a ProgramResult) -> Option<Self> {
        let units = program.units.as_ref()?;
        Some(Rate {
            suite,
            program,
            units: units.count,
            name: &units.name,
        })
    }

    /// Per runtime that was timed: (elapsed seconds, units per second) points.
    fn series(&self) -> Vec<(usize, Vec<(f64, f64)>)> {
        (0..self.suite.runtimes.len())
            .filter_map(|index| {
                let summary = self.program.summary(index)?;
                let mut elapsed = 0.0;
                let points = summary
                    .curve
                    .iter()
                    .filter(|&&t| t > 0.0)
                    .map(|&t| {
                        elapsed += t;
                        (elapsed, self.units / t)
                    })
                    .collect();
                Some((index, points))
            })
            .collect()
    }
}

impl Figure for Rate<'_> {
    fn size(&self) -> (u32, u32) {
        (900, 520)
    }

    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>) -> PlotResult
    where
        DB::ErrorType: 'static,
    {
        let series = self.series();
        let points = series.iter().flat_map(|(_, p)| p.iter());
        let (right, top) =
            points.fold((0.0f64, 0.0f64), |(x, y), &(px, py)| (x.max(px), y.max(py)));
        let mut chart = ChartBuilder::on(root)
            .caption(
                format!(
                    "{}: {} per second over time (higher is better)",
                    self.program.name, self.name
                ),
                text(22.0),
            )
            .margin(14)
            .x_label_area_size(44)
            .y_label_area_size(80)
            .build_cartesian_2d(0f64..(right * 1.05).max(1e-3), 0f64..(top * 1.1).max(1.0))?;
        chart
            .configure_mesh()
            .x_desc("seconds since the process started its first iteration")
            .y_desc(format!("{} per second", self.name))
            .y_label_formatter(&|v| thousands(*v))
            .label_style(text(14.0))
            .axis_desc_style(text(15.0))
            .light_line_style(WHITE.mix(0.0))
            .draw()?;
        let count = self.suite.runtimes.len();
        for (index, points) in series {
            let c = colour(index, count);
            chart
                .draw_series(LineSeries::new(points.clone(), c.stroke_width(2)))?
                .label(self.suite.runtimes[index].name.clone())
                .legend(move |(x, y)| {
                    PathElement::new(vec![(x, y), (x + 22, y)], c.stroke_width(3))
                });
            chart.draw_series(points.iter().map(|&p| Circle::new(p, 3, c.filled())))?;
        }
        chart
            .configure_series_labels()
            .position(SeriesLabelPosition::LowerRight)
            .background_style(WHITE.mix(0.85))
            .border_style(BLACK.mix(0.3))
            .label_font(text(14.0))
            .draw()?;
        Ok(())
    }
}
