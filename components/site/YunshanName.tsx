// The name as the site writes it: 云山, then Yunshan, each marked with its language so
// screen readers and fonts treat them right. The caller styles each half.

export function YunshanName({ zhClassName, enClassName }: { zhClassName?: string; enClassName?: string }) {
  return (
    <>
      <span lang="zh-CN" className={zhClassName}>
        云山
      </span>
      <span lang="en" className={enClassName}>
        Yunshan
      </span>
    </>
  );
}
