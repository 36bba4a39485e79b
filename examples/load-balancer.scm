;; The load balancer of the Termite paper: a meter on each node reports
;; its load to a supervisor, which keeps the latest loads in a dict; a
;; dispatcher runs each job on the least loaded node, in a process that
;; migrates there. How a meter measures the load is a parameter, so that
;; the end of the program can feed made-up loads and show the choice.
;; Run with: bin/termite examples/load-balancer.scm

(define (start-meter supervisor load)
  (let loop ()
    (! supervisor (list 'load-report (self) (load)))
    (if (recv ('stop #f)                ; not in the paper: a way to stop
              (after 0.1 #t))           ; else sleep for 0.1 s
        (loop))))

(define (find-min entries)              ; the (meter . load) with least load
  (let loop ((best (car entries)) (rest (cdr entries)))
    (cond ((null? rest) best)
          ((< (cdar rest) (cdr best)) (loop (car rest) (cdr rest)))
          (else (loop best (cdr rest))))))

(define (find-avg entries)
  (/ (apply + (map cdr entries)) (length entries)))

(define (meter-supervisor meter-list)
  (let loop ((meters (make-dict)))
    (recv
     (('load-report from load)
      (loop (dict-set meters from load)))
     ((from tag 'average-load)
      (! from (list tag (find-avg (dict->list meters))))
      (loop meters))
     ((from tag 'minimum-load)
      (! from (list tag (pid-node (car (find-min (dict->list meters))))))
      (loop meters))
     ;; Not in the paper: how many meters have reported, the meters, and
     ;; a way to stop.
     ((from tag 'reports)
      (! from (list tag (dict-count meters)))
      (loop meters))
     ((from tag 'meters)
      (! from (list tag meter-list))
      (loop meters))
     ((from tag 'stop)
      (for-each (lambda (m) (! m 'stop)) meter-list)
      (! from (list tag 'stopped))))))

(define (min-load-node supervisor)
  (!? supervisor 'minimum-load))

(define (avg-load supervisor)
  (!? supervisor 'average-load))

(define (start-meter-supervisor node-list load)
  (spawn
   (let ((supervisor (self)))
     (meter-supervisor
      (map (lambda (node)
             (spawn
              (migrate node)
              (start-meter supervisor load)))
           node-list)))))

(define (start-work-dispatcher load-server)
  (spawn
   (let loop ()
     (if (recv
          ((from tag ('dispatch thunk))
           (let ((min-loaded-node (min-load-node load-server)))
             (spawn
              (migrate min-loaded-node)
              (! from (list tag (thunk)))))
           #t)
          ((from tag 'stop)             ; not in the paper
           (! from (list tag 'stopped))
           #f))
         (loop)))))

(define (dispatch dispatcher thunk)
  (!? dispatcher (list 'dispatch thunk)))

;; Three worker nodes on this machine.
(define workers (list (spawn-node) (spawn-node) (spawn-node)))
(define (worker? node) (and (memq node workers) #t))

(define (wait-for-reports supervisor)   ; until every meter has reported
  (let loop ()
    (when (< (!? supervisor 'reports) (length workers))
      (sleep 0.05)
      (loop))))

;; With the real loads: which node is least loaded is a matter of chance,
;; that it is one of the workers is not.
(define supervisor (start-meter-supervisor workers local-loadavg))
(wait-for-reports supervisor)
(println "each meter runs on its node: "
         (equal? (map pid-node (!? supervisor 'meters)) workers))
(println "least loaded is a worker: " (worker? (min-load-node supervisor)))
(println "average load is a number: " (real? (avg-load supervisor)))

(define dispatcher (start-work-dispatcher supervisor))
(define (fib n) (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2)))))
(define (job n) (lambda () (list (fib n) (current-node))))
(define results (map (lambda (n) (dispatch dispatcher (job n))) '(20 21 22)))
(println "results: " (map car results))
(println "each ran on a worker: " (map (lambda (r) (worker? (cadr r))) results))

;; Many clients at once: each is a process that dispatches a job and
;; tells the main process the result.
(define me (self))
(for-each (lambda (n)
            (spawn (! me (list 'done n (car (dispatch dispatcher (job n)))))))
          (iota 10 1))
(define answers
  (map (lambda (_) (recv (('done n result) (cons n result)))) (iota 10)))
(println "10 clients: " (list-sort (lambda (a b) (< (car a) (car b))) answers))

;; Made-up loads make the choice certain: the second worker is the least
;; loaded, so every job runs there.
(define light (cadr workers))
(define fake-supervisor
  (start-meter-supervisor
   workers
   (lambda ()
     (cond ((eq? (current-node) (car workers)) 2.5)
           ((eq? (current-node) light) 0.25)
           (else 1.0)))))
(wait-for-reports fake-supervisor)
(println "least loaded is the second worker: " (eq? (min-load-node fake-supervisor) light))
(println "average load: " (avg-load fake-supervisor))
(define fake-dispatcher (start-work-dispatcher fake-supervisor))
(define placed (map (lambda (n) (dispatch fake-dispatcher (job n))) '(1 2 3 4 5)))
(println "results: " (map car placed))
(println "each ran on the second worker: " (map (lambda (r) (eq? (cadr r) light)) placed))

;; Stop the dispatchers and the supervisors, which stop their meters, and
;; watch each one end.
(define (stop-and-wait pid)
  (let* ((ref (monitor pid))
         (answer (!? pid 'stop)))
    (recv (('down ,ref _ reason) (list answer reason)))))
(define meter-refs
  (map monitor (append (!? supervisor 'meters) (!? fake-supervisor 'meters))))
(println (map stop-and-wait
              (list dispatcher fake-dispatcher supervisor fake-supervisor)))
(println "meters: " (map (lambda (ref) (recv (('down ,ref _ reason) reason)))
                         meter-refs))
