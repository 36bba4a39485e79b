;; Process migration (the paper's example): a process answers where it
;; runs, and moves when told to; its pid stays the same throughout.
(define migrating
  (spawn
   (let loop ()
     (recv ((from tag 'where)
            (! from (list tag (current-node))))
           (('migrate to)
            (migrate to)))
     (loop))))

(define that (spawn-node))
(define this (current-node))

(write (eq? (!? migrating 'where) this)) (newline)   ; spawned here
(! migrating (list 'migrate that))
(write (eq? (!? migrating 'where) that)) (newline)   ; moved there
(write (eq? (pid-node migrating) that)) (newline)
(! migrating (list 'migrate this))
(write (eq? (!? migrating 'where) this)) (newline)   ; back here
(write (eq? (pid-node migrating) this)) (newline)
