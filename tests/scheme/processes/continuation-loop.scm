;; A process that loops by re-entering a continuation makes no call, yet
;; it is preempted like any other: the main program still runs.
(spawn (lambda ()
         (let ((k (call/cc (lambda (c) c))))
           (k k))))
(sleep 0.05)
(display "main runs")
(newline)
