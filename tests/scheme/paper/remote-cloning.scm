;; Cloning onto another node: a process hands out its continuation as a
;; thunk, and a process of another node runs it, with the state the
;; original had when it was cloned. The worker never loaded this file.
(define original
  (spawn
   (let loop ((count 0))
     (recv
      ((from tag 'clone)
       (call/cc
        (lambda (clone)
          (! from (list tag (lambda () (clone #t)))))))
      ((from tag 'count)
       (! from (list tag (list count (current-node))))))
     (loop (+ count 1)))))

(define there (spawn-node))
(define here (current-node))
(define (show answer node)
  (write (list (car answer) (eq? (cadr answer) node)))
  (newline))

(show (!? original 'count) here)
(show (!? original 'count) here)
(define clone (remote-spawn there (!? original 'clone)))
(show (!? clone 'count) there)
(show (!? original 'count) here)
(show (!? clone 'count) there)
