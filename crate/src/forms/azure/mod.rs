//! The Azure portal's forms (edit blades to fill) and views (read-only blades that prove what
//! was saved), and the words they are recognised by.

mod edit;
pub(super) mod labels;
mod views;

use super::{Plan, Snapshot};
use crate::setup::Setup;

pub(super) fn plan(setup: &Setup, snap: &Snapshot) -> Option<Plan> {
    edit::plan(setup, snap).or_else(|| views::plan(setup, snap))
}
