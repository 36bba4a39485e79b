(define-library (geom points)
  (export make-point point-x (rename point-y py) dist2 with-point)
  (import (scheme base))
  (begin
    (define-record-type point (make-point x y) point? (x point-x) (y point-y))
    (define (square x) (* x x))
    (define (dist2 p) (+ (square (point-x p)) (square (point-y p))))
    (define-syntax with-point
      (syntax-rules () ((_ (x y) p body ...) (let ((x (point-x p)) (y (point-y p))) body ...))))))
