;; Mutability simulated by a process: the cell.
(define (make-cell init-content)
  (spawn
   (let loop ((content init-content))
     (recv
      ((from tag 'get)
       (! from (list tag content))
       (loop content))
      (('set! new-content)
       (loop new-content))))))

(define (cell-get cell)
  (!? cell 'get))

(define (cell-set! cell val)
  (! cell (list 'set! val)))

(define c (make-cell 0))
(write (cell-get c)) (newline)
(cell-set! c 42)
(write (cell-get c)) (newline)
(cell-set! c '(a b))
(write (cell-get c)) (newline)
