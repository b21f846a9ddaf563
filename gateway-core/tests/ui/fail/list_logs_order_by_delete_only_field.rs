// A logs list cannot be ordered by a field only the bulk delete orders by
// (`rest-api.md` §10.1 vs §10.6): Cloudflare would answer 400.
use gateway_core::{Direction, ListLogs, ListOrderBy};

fn main() {
    let _ = ListLogs::new().order_by(ListOrderBy::Cost, Direction::Asc);
}
