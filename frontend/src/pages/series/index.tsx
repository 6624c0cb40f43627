import CatalogueBrowser from "../../components/CatalogueBrowser";
import type { BrowseFilters, Category, MediaCard, Paginator } from "../../types";

type SeriesIndexProps = { series: Paginator<MediaCard>; categories: Category[]; filters: BrowseFilters };

export default function SeriesIndex({ series, categories, filters }: SeriesIndexProps) {
  return <CatalogueBrowser kind="series" items={series} categories={categories} filters={filters} />;
}
