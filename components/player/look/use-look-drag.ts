// Drag or swipe on the stage to look around. A press that barely moves stays a tap or a click
// (the player's own handler toggles the controls or playback); one that moves past the
// threshold becomes a look, and the click that ends it is swallowed so it does not also pause.
import { useEffect, type RefObject } from 'react';
import { dragTurn, movedPastThreshold, radiansPerPixel } from './drag-look';
import type { LookStore } from './look-store';

interface Press {
  pointerId: number;
  startX: number;
  startY: number;
  lastX: number;
  lastY: number;
  dragging: boolean;
}

export function useLookDrag(stageRef: RefObject<HTMLElement | null>, store: LookStore, verticalFovDeg: () => number): void {
  useEffect(() => {
    const stage = stageRef.current;
    if (!stage) return;
    let press: Press | null = null;
    let swallowClick = false;
    // The browser would otherwise scroll or zoom the page on a swipe over the picture.
    stage.style.touchAction = 'none';
    stage.style.cursor = 'grab';

    function onPointerDown(event: PointerEvent) {
      if (press !== null || !event.isPrimary || (event.pointerType === 'mouse' && event.button !== 0)) return;
      press = {
        pointerId: event.pointerId,
        startX: event.clientX,
        startY: event.clientY,
        lastX: event.clientX,
        lastY: event.clientY,
        dragging: false,
      };
      swallowClick = false;
    }
    function onPointerMove(event: PointerEvent) {
      if (press === null || event.pointerId !== press.pointerId) return;
      if (!press.dragging) {
        if (!movedPastThreshold(event.clientX - press.startX, event.clientY - press.startY)) return;
        press.dragging = true;
        store.hold();
        stage!.setPointerCapture?.(event.pointerId);
        stage!.style.cursor = 'grabbing';
      }
      const turn = dragTurn(
        event.clientX - press.lastX,
        event.clientY - press.lastY,
        radiansPerPixel(verticalFovDeg(), stage!.clientHeight),
      );
      press.lastX = event.clientX;
      press.lastY = event.clientY;
      store.turnBy(turn.deltaYawRad, turn.deltaPitchRad);
    }
    function onPointerEnd(event: PointerEvent) {
      if (press === null || event.pointerId !== press.pointerId) return;
      if (press.dragging) {
        store.letGo();
        swallowClick = event.type === 'pointerup';
        stage!.style.cursor = 'grab';
      }
      press = null;
    }
    function onClickCapture(event: MouseEvent) {
      if (!swallowClick) return;
      swallowClick = false;
      event.stopPropagation();
    }
    stage.addEventListener('pointerdown', onPointerDown);
    stage.addEventListener('pointermove', onPointerMove);
    stage.addEventListener('pointerup', onPointerEnd);
    stage.addEventListener('pointercancel', onPointerEnd);
    stage.addEventListener('click', onClickCapture, true);
    return () => {
      stage.removeEventListener('pointerdown', onPointerDown);
      stage.removeEventListener('pointermove', onPointerMove);
      stage.removeEventListener('pointerup', onPointerEnd);
      stage.removeEventListener('pointercancel', onPointerEnd);
      stage.removeEventListener('click', onClickCapture, true);
      if (press?.dragging) store.letGo();
    };
  }, [stageRef, store, verticalFovDeg]);
}
