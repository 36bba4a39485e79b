;; Process migration: a process moves to another node while it runs, and
;; back; its pid stays valid throughout. spawn-node starts the other node:
;; a child process of this program, on a free port of 127.0.0.1.
;; Run with: bin/termite examples/migration.scm

(define migrating
  (spawn
   (let loop ()
     (recv
      ((from tag 'where)
       (! from (list tag (current-node))))
      (('migrate to)
       (migrate to)))
     (loop))))

(define this (current-node))            ; this program becomes a node
(define that (spawn-node))

(define (where)
  (let ((node (!? migrating 'where)))
    (cond ((eq? node this) 'this)
          ((eq? node that) 'that)
          (else node))))

(println "spawned on " (where))
(! migrating (list 'migrate that))
(println "moved to " (where))
(println "pid-node says " (if (eq? (pid-node migrating) that) 'that 'this))
(! migrating (list 'migrate this))
(println "back on " (where))

;; The paper's remote spawn: spawn, then migrate at once.
(let ((me (self)))
  (spawn
   (migrate that)
   (! me (list 'from (current-node)))))
(recv (('from node) (println "a message from that node: " (eq? node that))))

;; remote-spawn starts the process there directly, and on runs a thunk
;; there and returns its value here.
(let ((me (self)))
  (remote-spawn that (lambda () (! me (* 6 7))))
  (println "remote-spawn: " (?)))
(println "on: " (on that (lambda () (eq? (current-node) that))))
