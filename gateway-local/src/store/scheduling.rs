//! How the store's threads share a CPU with the request threads (Linux; the
//! workspace forbids `unsafe`, so through the `thread-priority` crate).
//! Elsewhere, or if the system refuses, a thread stays as it is.

/// The scheduling policies the store's threads take.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Policy {
    /// `SCHED_BATCH` at nice 0 (the writer): the same share of the CPU as a
    /// request thread, but woken it does not preempt the thread that queued a
    /// log, so on a busy core the logs of many requests gather before one
    /// commit. Measured at 32 connections on one core: 0.09 context switches
    /// per request instead of 0.99, +23 % requests per second.
    DeferToRequests,
    /// `SCHED_IDLE` (the checkpoint thread): it runs when nothing else on the
    /// CPU wants to, and any thread that wakes (a request's, the writer) takes
    /// the CPU from it at once. Under `SCHED_BATCH` a woken writer waited for
    /// its turn to end, the logs with it: on one core at 32 connections with
    /// file logs, 0.08 context switches per request instead of 0.22, +3–5 %
    /// requests per second (open-loop p99: the same, within noise). Starved by a CPU busy with
    /// other work, it is late, never wrong: the writer's own checkpoint is
    /// still armed, and a WAL that grew meanwhile is cut back when it starts
    /// over (`connections::WAL_RESTART_BYTES`). A thread cannot leave
    /// `SCHED_IDLE` without privileges, so it is never asked to.
    WhenIdle,
}

/// Puts the calling thread under `policy`.
pub(super) fn set_for_this_thread(policy: Policy) {
    #[cfg(target_os = "linux")]
    {
        use thread_priority::{
            NormalThreadSchedulePolicy, ThreadPriority, ThreadPriorityOsValue, ThreadSchedulePolicy,
            set_thread_priority_and_policy, thread_native_id,
        };
        let normal = match policy {
            Policy::DeferToRequests => NormalThreadSchedulePolicy::Batch,
            Policy::WhenIdle => NormalThreadSchedulePolicy::Idle,
        };
        // Nice 0, the default; the policy is what changes.
        let priority = ThreadPriority::Os(ThreadPriorityOsValue::default());
        if let Err(e) =
            set_thread_priority_and_policy(thread_native_id(), priority, ThreadSchedulePolicy::Normal(normal))
        {
            tracing::debug!(error = ?e, ?policy, "a database thread keeps the default scheduling policy");
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = policy;
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use std::time::{Duration, Instant};

    use super::super::{Database, Store};

    /// The scheduling policy of this process's thread named `name` (field
    /// 41 of `/proc/self/task/*/stat`), if there is one.
    fn policy_of_thread(name: &str) -> Option<u32> {
        std::fs::read_dir("/proc/self/task").ok()?.flatten().find_map(|task| {
            let comm = std::fs::read_to_string(task.path().join("comm")).ok()?;
            if comm.trim_end() != name {
                return None;
            }
            let stat = std::fs::read_to_string(task.path().join("stat")).ok()?;
            // Fields after the command's closing parenthesis, from the third.
            let after = stat.rsplit_once(')')?.1;
            after.split_whitespace().nth(41 - 3)?.parse().ok()
        })
    }

    /// The policy of the thread named `name` once it has set one (or 5 s on).
    fn settled_policy(name: &str) -> Option<u32> {
        // The kernel keeps 15 bytes of a thread's name.
        let short = &name[..15];
        let deadline = Instant::now() + Duration::from_secs(5);
        loop {
            match policy_of_thread(short) {
                Some(policy) if policy != 0 || Instant::now() >= deadline => return Some(policy),
                None if Instant::now() >= deadline => return None,
                _ => std::thread::sleep(Duration::from_millis(5)),
            }
        }
    }

    #[test]
    fn the_writer_defers_to_requests_and_checkpoints_run_when_the_cpu_is_idle() {
        let dir = std::env::temp_dir().join(format!("gl-sched-{}-{}", std::process::id(), crate::proxy::new_id()));
        std::fs::create_dir_all(&dir).unwrap();
        let store = Store::open(&Database::File(dir.join("logs.sqlite3"))).unwrap();
        assert_eq!(settled_policy("gateway-local-db-writer"), Some(3), "SCHED_BATCH");
        assert_eq!(settled_policy("gateway-local-checkpoint"), Some(5), "SCHED_IDLE");
        drop(store);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
