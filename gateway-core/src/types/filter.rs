//! Logs list and bulk-delete queries: filters, ordering, pagination.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::wire::js;
use crate::wire::query::QueryBuilder;

/// Largest `per_page` of a logs list.
pub const MAX_PER_PAGE: u32 = 50;
/// Largest `limit` of a bulk delete.
pub const MAX_DELETE_LIMIT: u32 = 10_000;

macro_rules! wire_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $wire:literal),* $(,)? } $($other:ident)?) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[non_exhaustive]
        pub enum $name {
            $(#[doc = concat!("`", $wire, "`")] #[serde(rename = $wire)] $variant,)*
            $(#[doc = "Any other key the server accepts."] #[serde(untagged)] $other(String),)?
        }
        impl $name {
            /// The wire spelling.
            pub fn as_str(&self) -> &str {
                match self {
                    $(Self::$variant => $wire,)*
                    $(Self::$other(s) => s,)?
                }
            }
        }
        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

wire_enum!(
    /// The field a filter tests.
    FilterKey {
        Id => "id", CreatedAt => "created_at", RequestContentType => "request_content_type",
        ResponseContentType => "response_content_type", RequestType => "request_type",
        Success => "success", Cached => "cached", Provider => "provider", Model => "model",
        ModelType => "model_type", Cost => "cost", Tokens => "tokens", TokensIn => "tokens_in",
        TokensOut => "tokens_out", Duration => "duration", Feedback => "feedback",
        EventId => "event_id", MetadataKey => "metadata.key", MetadataValue => "metadata.value",
        Authentication => "authentication", Wholesale => "wholesale",
        CompatibilityMode => "compatibilityMode", DlpAction => "dlp_action", UserAgent => "user_agent",
        PromptId => "prompts.prompt_id", PromptVersionId => "prompts.version_id",
    } Other
);

wire_enum!(
    /// How a filter compares.
    FilterOperator { Eq => "eq", Neq => "neq", Contains => "contains", Lt => "lt", Gt => "gt" }
);

wire_enum!(
    /// Sort field of a logs list (`rest-api.md` §10.1). The bulk delete
    /// takes more ([`DeleteOrderBy`]); Cloudflare refuses those on a list.
    ListOrderBy {
        CreatedAt => "created_at", Provider => "provider", Model => "model", ModelType => "model_type",
        Success => "success", Cached => "cached",
    }
);

wire_enum!(
    /// Sort field of a bulk delete (`rest-api.md` §10.6): every
    /// [`ListOrderBy`] (which converts into it) and the numeric fields.
    DeleteOrderBy {
        CreatedAt => "created_at", Provider => "provider", Model => "model", ModelType => "model_type",
        Success => "success", Cached => "cached", Cost => "cost", TokensIn => "tokens_in",
        TokensOut => "tokens_out", Duration => "duration", Feedback => "feedback",
    }
);

impl From<ListOrderBy> for DeleteOrderBy {
    fn from(order: ListOrderBy) -> Self {
        match order {
            ListOrderBy::CreatedAt => Self::CreatedAt,
            ListOrderBy::Provider => Self::Provider,
            ListOrderBy::Model => Self::Model,
            ListOrderBy::ModelType => Self::ModelType,
            ListOrderBy::Success => Self::Success,
            ListOrderBy::Cached => Self::Cached,
        }
    }
}

wire_enum!(
    /// Sort direction.
    Direction { Asc => "asc", Desc => "desc" }
);

/// One value a filter compares against.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum FilterValue {
    /// A string.
    String(String),
    /// A number.
    Number(f64),
    /// A boolean.
    Bool(bool),
    /// `null` (sent as an empty value).
    Null,
}

impl FilterValue {
    fn to_query(&self) -> String {
        match self {
            Self::String(s) => s.clone(),
            Self::Number(n) => js::number_to_string(*n),
            Self::Bool(b) => b.to_string(),
            Self::Null => String::new(),
        }
    }
}

// Besides `&str`, `String`, `bool` and `f64`, which every value enum takes:
value_from!(FilterValue {
    i32 => |v| Self::Number(f64::from(v)),
    u32 => |v| Self::Number(f64::from(v)),
});
impl<T: Into<FilterValue>> From<Option<T>> for FilterValue {
    fn from(v: Option<T>) -> Self {
        v.map_or(Self::Null, Into::into)
    }
}

/// One filter: `key operator [values]`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LogFilter {
    /// The field tested.
    pub key: FilterKey,
    /// The comparison.
    pub operator: FilterOperator,
    /// The values (any of them matches).
    pub value: Vec<FilterValue>,
}

impl LogFilter {
    /// A filter with several values.
    pub fn new(
        key: FilterKey,
        operator: FilterOperator,
        value: impl IntoIterator<Item = impl Into<FilterValue>>,
    ) -> Self {
        Self { key, operator, value: value.into_iter().map(Into::into).collect() }
    }
    /// `key eq [value]`.
    pub fn eq(key: FilterKey, value: impl Into<FilterValue>) -> Self {
        Self::new(key, FilterOperator::Eq, [value.into()])
    }

    fn validate(&self, index: usize) -> Result<()> {
        if self.value.is_empty() {
            return Err(Error::invalid(format!("filters[{index}].value"), "needs at least one value"));
        }
        if let Some(FilterValue::Number(n)) =
            self.value.iter().find(|v| matches!(v, FilterValue::Number(n) if !n.is_finite()))
        {
            return Err(Error::invalid(format!("filters[{index}].value"), format!("numbers must be finite, got {n}")));
        }
        Ok(())
    }
}

fn push_filters(q: &mut QueryBuilder, filters: &[LogFilter]) -> Result<()> {
    for (i, f) in filters.iter().enumerate() {
        f.validate(i)?;
        q.push("filters.key", f.key.as_str()).push("filters.operator", f.operator.as_str());
        for v in &f.value {
            q.push("filters.value", &v.to_query());
        }
    }
    Ok(())
}

/// The builder methods both logs queries ([`ListLogs`], [`DeleteLogs`])
/// have: add a filter, set the order (from the orderings each accepts).
macro_rules! filter_and_order_builders {
    ($order:ty) => {
        /// Adds a filter.
        #[must_use]
        pub fn filter(mut self, filter: LogFilter) -> Self {
            self.filters.push(filter);
            self
        }
        /// Sets the order.
        #[must_use]
        pub fn order_by(mut self, field: impl Into<$order>, direction: Direction) -> Self {
            self.order = Some((field.into(), direction));
            self
        }
    };
}

/// Builder methods that set an optional field of a logs query: `field(value)`
/// stores `Some(value)`.
macro_rules! option_setters {
    ($($(#[$doc:meta])* $field:ident: $ty:ty;)+) => {$(
        $(#[$doc])*
        #[must_use]
        pub fn $field(mut self, $field: $ty) -> Self {
            self.$field = Some($field.into());
            self
        }
    )+};
}

/// `order_by` and `order_by_direction`, which travel together.
fn push_order(q: &mut QueryBuilder, order: Option<(&str, &Direction)>) {
    if let Some((field, direction)) = order {
        q.push("order_by", field).push("order_by_direction", direction.as_str());
    }
}

/// A logs list query.
///
/// ```
/// use gateway_core::{Direction, FilterKey, ListLogs, ListOrderBy, LogFilter};
/// let query = ListLogs::new()
///     .filter(LogFilter::eq(FilterKey::Feedback, 1))
///     .per_page(10)
///     .order_by(ListOrderBy::CreatedAt, Direction::Desc);
/// assert_eq!(
///     query.to_query().unwrap(),
///     "filters.key=feedback&filters.operator=eq&filters.value=1&per_page=10&order_by=created_at&order_by_direction=desc"
/// );
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct ListLogs {
    /// Filters, all of which must match.
    pub filters: Vec<LogFilter>,
    /// Page number, from 1.
    pub page: Option<u32>,
    /// Logs per page, 1 to 50.
    pub per_page: Option<u32>,
    /// Free-text search.
    pub search: Option<String>,
    /// Sort field and direction.
    pub order: Option<(ListOrderBy, Direction)>,
    /// Ask for aggregates in `result_info`.
    pub meta_info: Option<bool>,
}

impl ListLogs {
    /// Every log, first page, server defaults.
    pub fn new() -> Self {
        Self::default()
    }
    filter_and_order_builders!(ListOrderBy);
    option_setters! {
        /// Sets the page (from 1).
        page: u32;
        /// Sets the page size (1 to 50).
        per_page: u32;
        /// Sets the free-text search.
        search: impl Into<String>;
        /// Asks for aggregates.
        meta_info: bool;
    }

    /// The query string in the SDKs' encoding. Validates first.
    pub fn to_query(&self) -> Result<String> {
        if self.page == Some(0) {
            return Err(Error::invalid("page", "pages start at 1"));
        }
        if let Some(n) = self.per_page {
            if !(1..=MAX_PER_PAGE).contains(&n) {
                return Err(Error::invalid("per_page", format!("must be between 1 and {MAX_PER_PAGE}, got {n}")));
            }
        }
        let mut q = QueryBuilder::default();
        push_filters(&mut q, &self.filters)?;
        q.push_opt("page", self.page).push_opt("per_page", self.per_page).push_opt("search", self.search.as_ref());
        push_order(&mut q, self.order.as_ref().map(|(field, direction)| (field.as_str(), direction)));
        q.push_opt("meta_info", self.meta_info);
        Ok(q.finish())
    }
}

/// A bulk-delete query. Without filters it deletes every log of the gateway.
#[derive(Debug, Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct DeleteLogs {
    /// Filters, all of which must match.
    pub filters: Vec<LogFilter>,
    /// At most this many logs, 1 to 10 000.
    pub limit: Option<u32>,
    /// Which logs go first when `limit` applies.
    pub order: Option<(DeleteOrderBy, Direction)>,
}

impl DeleteLogs {
    /// Every log of the gateway.
    pub fn new() -> Self {
        Self::default()
    }
    /// The one log `id`.
    pub fn by_id(id: impl Into<String>) -> Self {
        Self::new().filter(LogFilter::eq(FilterKey::Id, id.into()))
    }
    filter_and_order_builders!(DeleteOrderBy);
    option_setters! {
        /// Sets the limit (1 to 10 000).
        limit: u32;
    }

    /// The query string in the SDKs' encoding. Validates first.
    pub fn to_query(&self) -> Result<String> {
        if let Some(n) = self.limit {
            if !(1..=MAX_DELETE_LIMIT).contains(&n) {
                return Err(Error::invalid("limit", format!("must be between 1 and {MAX_DELETE_LIMIT}, got {n}")));
            }
        }
        let mut q = QueryBuilder::default();
        push_filters(&mut q, &self.filters)?;
        q.push_opt("limit", self.limit);
        push_order(&mut q, self.order.as_ref().map(|(field, direction)| (field.as_str(), direction)));
        Ok(q.finish())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sdk_fixture_strings() {
        let fixture = include_str!("../../../tests/fixtures/log-list.query.txt");
        let mut lines = fixture.lines();
        let one = ListLogs::new().filter(LogFilter::eq(FilterKey::Id, "abc")).per_page(20);
        assert_eq!(one.to_query().unwrap(), lines.next().unwrap());
        let two = ListLogs::new()
            .filter(LogFilter::eq(FilterKey::Provider, "openai"))
            .filter(LogFilter::eq(FilterKey::Success, true))
            .filter(LogFilter::new(FilterKey::Cost, FilterOperator::Gt, [0.5, 1.0]))
            .page(2)
            .order_by(ListOrderBy::CreatedAt, Direction::Desc);
        assert_eq!(two.to_query().unwrap(), lines.next().unwrap());
    }

    #[test]
    fn null_and_spaces() {
        let q = ListLogs::new().filter(LogFilter::new(
            FilterKey::MetadataValue,
            FilterOperator::Eq,
            [FilterValue::Null, FilterValue::from("a b")],
        ));
        assert_eq!(
            q.to_query().unwrap(),
            "filters.key=metadata.value&filters.operator=eq&filters.value=&filters.value=a%20b"
        );
    }

    #[test]
    fn limits() {
        assert!(ListLogs::new().per_page(51).to_query().unwrap_err().to_string().contains("per_page"));
        assert!(ListLogs::new().per_page(0).to_query().is_err());
        assert!(ListLogs::new().page(0).to_query().is_err());
        assert!(DeleteLogs::new().limit(10_001).to_query().unwrap_err().to_string().contains("limit"));
        let empty = LogFilter::new(FilterKey::Id, FilterOperator::Eq, Vec::<FilterValue>::new());
        assert!(ListLogs::new().filter(empty).to_query().is_err());
        assert_eq!(
            DeleteLogs::by_id("x").limit(1).to_query().unwrap(),
            "filters.key=id&filters.operator=eq&filters.value=x&limit=1"
        );
        // A bulk delete takes every list ordering and the numeric ones.
        let by_cost = DeleteLogs::new().order_by(DeleteOrderBy::Cost, Direction::Asc);
        assert_eq!(by_cost.to_query().unwrap(), "order_by=cost&order_by_direction=asc");
        let by_model = DeleteLogs::new().order_by(ListOrderBy::Model, Direction::Desc);
        assert_eq!(by_model.to_query().unwrap(), "order_by=model&order_by_direction=desc");
    }
}
