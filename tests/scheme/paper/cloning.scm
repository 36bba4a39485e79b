;; Process cloning: a process hands out its own continuation as a thunk;
;; the clone runs the same loop with its own state.
(define original
  (spawn
   (let loop ((count 0))
     (recv
      ((from tag 'clone)
       (call/cc
        (lambda (clone)
          (! from (list tag (lambda () (clone #t)))))))
      ((from tag 'count)
       (! from (list tag count))))
     (loop (+ count 1)))))

(write (!? original 'count)) (newline)
(write (!? original 'count)) (newline)
(define clone (spawn ((!? original 'clone))))
;; The clone resumes where the original was when it was cloned.
(write (!? clone 'count)) (newline)
(write (!? original 'count)) (newline)
(write (!? clone 'count)) (newline)
