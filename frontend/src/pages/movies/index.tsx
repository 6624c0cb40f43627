import CatalogueBrowser from "../../components/CatalogueBrowser";
import type { BrowseFilters, Category, MediaCard, Paginator } from "../../types";

type MoviesIndexProps = { movies: Paginator<MediaCard>; categories: Category[]; filters: BrowseFilters };

export default function MoviesIndex({ movies, categories, filters }: MoviesIndexProps) {
  return <CatalogueBrowser kind="movie" items={movies} categories={categories} filters={filters} />;
}
